package dev.weft.controller.artifact;

import dev.weft.model.Names;
import java.io.IOException;

/**
 * The rule every store applies to keys and namespaces, so that no key can leave its namespace: a
 * key is a relative path without {@code ..}, without a leading {@code /}, without empty or {@code
 * .} segments and without NUL; a namespace is a DNS-1123 label (so it holds no {@code /}).
 */
public final class ArtifactKeys {
  private ArtifactKeys() {}

  public static String check(String key) throws IOException {
    var bad = Names.relativePath(key, false);
    if (bad.isPresent()) throw new IOException("artifact key " + bad.get());
    for (String part : key.split("/", -1)) {
      // "a//b" and "a/./b" are the same file locally but different S3 objects: refuse both, so a
      // key means one thing in every store
      if (part.isEmpty() || part.equals(".")) {
        throw new IOException("artifact key \"" + key + "\" has an empty or '.' segment");
      }
    }
    return key;
  }

  public static String namespace(String namespace) throws IOException {
    var bad = Names.dns1123Label(namespace);
    if (bad.isPresent()) throw new IOException("namespace " + bad.get());
    return namespace;
  }

  /**
   * A user-given key made into a store key: Argo lets it start with "/" (bucket-relative), and the
   * local repository always read "a//b" and "a/./b" as "a/b", so those are normalised the same way
   * for every store; {@code ..} stays refused.
   */
  public static String fromUser(String key) throws IOException {
    var bad = Names.relativePath(key, true);
    if (bad.isPresent()) throw new IOException("artifact key " + bad.get());
    StringBuilder out = new StringBuilder();
    for (String part : key.split("/")) {
      if (part.isEmpty() || part.equals(".")) continue;
      if (!out.isEmpty()) out.append('/');
      out.append(part);
    }
    return check(out.toString());
  }
}
