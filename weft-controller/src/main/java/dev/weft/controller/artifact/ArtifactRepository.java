package dev.weft.controller.artifact;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.executor.FileTrees;
import dev.weft.executor.HostFile;
import dev.weft.executor.SafePaths;
import dev.weft.model.Names;
import dev.weft.model.spec.Artifact;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Weft's default artifact repository: a directory on this machine, addressed by key as Argo's
 * default (S3-style) repository is. Output artifacts are tar.gz archives unless archive is none;
 * key-only artifacts ({@code s3: {key: ...}}) refer into it.
 *
 * <p>Each namespace has its own bucket, {@code <root>/<namespace>/<key>}: a key (default or
 * user-given) can never reach another namespace's artifacts. Keys are relative paths without {@code
 * ..}; what a step wrote is read without following its symlinks ({@link SafePaths}), and links
 * stored inside a directory artifact are copied back out as links, never followed.
 */
public final class ArtifactRepository {
  private final Path root;

  public ArtifactRepository(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  public Path root() {
    return root;
  }

  /**
   * Argo's default key, {@code {{workflow.name}}/{{pod.name}}}, with the workflow's uid between
   * them so that a deleted and recreated workflow of the same name never sees its predecessor's.
   */
  public static String defaultKey(
      String workflowName, String workflowUid, String podName, String artifact, boolean raw) {
    return workflowName + "/" + workflowUid + "/" + podName + "/" + artifact + (raw ? "" : ".tgz");
  }

  /**
   * Stores what a step left at {@code source} under key in {@code namespace}'s bucket; tar.gz
   * unless {@code raw}. {@code what} names the output in errors. False if nothing is there.
   */
  public boolean save(String namespace, String key, HostFile source, boolean raw, String what)
      throws IOException {
    Path target = resolve(namespace, key);
    Files.createDirectories(target.getParent());
    FileTrees.delete(target);
    if (raw) return SafePaths.copyOut(source.base(), source.relative(), target, what);
    Path staging = Files.createTempDirectory(target.getParent(), ".save");
    try {
      Path copy = staging.resolve(Path.of(source.relative()).getFileName().toString());
      if (!SafePaths.copyOut(source.base(), source.relative(), copy, what)) return false;
      Tar.create(copy, target);
      return true;
    } finally {
      FileTrees.deleteQuietly(staging);
    }
  }

  /** Places the artifact's content at {@code dest} (a file or a directory, as it was saved). */
  public void materialize(String namespace, Artifact a, Path dest) throws IOException {
    Files.createDirectories(dest.getParent());
    if (a.raw() != null) {
      Files.writeString(dest, a.raw().data() == null ? "" : a.raw().data(), StandardCharsets.UTF_8);
      return;
    }
    String key = keyOf(a);
    if (key == null) {
      throw new IOException(
          "artifact \""
              + a.name()
              + "\" has a location the local repository cannot read"
              + " (only raw and key-only artifacts are available without a cluster)");
    }
    String what = "artifact \"" + a.name() + "\"";
    String subPath = a.subPath() == null || a.subPath().isBlank() ? null : a.subPath();
    if (subPath != null) SafePaths.relative(subPath, what + " subPath");
    Path bucket = bucket(namespace);
    Path stored = resolve(namespace, key);
    String storedRel = bucket.relativize(stored).toString();
    if (!SafePaths.exists(bucket, storedRel, what)) {
      throw new IOException(what + ": key " + key + " does not exist");
    }
    FileTrees.delete(dest);
    if (Files.isRegularFile(stored, java.nio.file.LinkOption.NOFOLLOW_LINKS)
        && Tar.isGzip(stored)) {
      Path staging = Files.createTempDirectory(dest.getParent(), ".extract");
      try {
        Tar.extract(stored, staging);
        List<Path> entries;
        try (var s = Files.list(staging)) {
          entries = s.toList();
        }
        String content = entries.size() == 1 ? entries.get(0).getFileName().toString() : null;
        String rel = join(content, subPath);
        if (rel == null) {
          // several top-level entries: the extraction directory itself is the content
          SafePaths.copyOut(staging.getParent(), staging.getFileName().toString(), dest, what);
        } else if (!SafePaths.copyOut(staging, rel, dest, what)) {
          throw new IOException(what + ": " + subPath + " is not in the artifact");
        }
      } finally {
        FileTrees.deleteQuietly(staging);
      }
      return;
    }
    if (!SafePaths.copyOut(bucket, join(storedRel, subPath), dest, what)) {
      throw new IOException(what + ": " + subPath + " is not in the artifact");
    }
  }

  private static String join(String a, String b) {
    if (a == null) return b;
    return b == null ? a : a + "/" + b;
  }

  /** The repository key of a key-only or saved artifact, from any of the S3-like locations. */
  public static String keyOf(Artifact a) {
    for (JsonNode loc : new JsonNode[] {a.s3(), a.gcs(), a.oss(), a.artifactory()}) {
      if (loc != null && loc.hasNonNull("key")) return loc.get("key").asText();
    }
    if (a.azure() != null && a.azure().hasNonNull("blob")) return a.azure().get("blob").asText();
    if (a.hdfs() != null && a.hdfs().hasNonNull("path")) return a.hdfs().get("path").asText();
    return null;
  }

  private Path bucket(String namespace) throws IOException {
    var bad = Names.dns1123Label(namespace);
    if (bad.isPresent()) throw new IOException("namespace " + bad.get());
    return root.resolve(namespace);
  }

  /** Keys may start with "/" (bucket-relative, as Argo allows); nothing else leaves the bucket. */
  private Path resolve(String namespace, String key) throws IOException {
    var bad = Names.relativePath(key, true);
    if (bad.isPresent()) throw new IOException("artifact key " + bad.get());
    return SafePaths.under(bucket(namespace), key.replaceFirst("^/+", ""), "artifact key");
  }
}
