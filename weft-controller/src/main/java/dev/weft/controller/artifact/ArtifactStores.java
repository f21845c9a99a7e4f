package dev.weft.controller.artifact;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.controller.artifact.ArtifactRepositoryConfig.S3;
import java.nio.file.Path;

/** Makes the artifact store a configuration asks for. */
public final class ArtifactStores {
  private ArtifactStores() {}

  /**
   * The store {@code config} describes: its {@code s3} bucket, or the local directory {@code
   * localRoot} when there is no configuration. Bad configuration is an {@link
   * ArtifactConfigException} naming the field; nothing is contacted until the first artifact.
   */
  public static ArtifactStore from(
      ArtifactRepositoryConfig config, SecretLookup secrets, Path localRoot)
      throws ArtifactConfigException {
    if (config == null) return new LocalArtifactStore(localRoot);
    config.validate("artifactRepository");
    return new S3ArtifactStore(config.s3(), secrets, true, "artifactRepository.s3");
  }

  /**
   * The store an artifact's own {@code s3:} names, or null when it gives only a key (then the
   * default repository holds it, as in Argo). The caller closes what it gets.
   */
  static ArtifactStore forArtifact(JsonNode s3, SecretLookup secrets, String what)
      throws ArtifactConfigException {
    if (s3 == null || !s3.isObject()) return null;
    boolean onlyKey = true;
    for (var names = s3.fieldNames(); names.hasNext(); ) {
      if (!names.next().equals("key")) onlyKey = false;
    }
    if (onlyKey) return null;
    S3 location = ArtifactRepositoryConfig.artifactLocation(s3, what);
    return new S3ArtifactStore(location, secrets, false, what + ": s3");
  }
}
