package dev.weft.model.spec;

import com.fasterxml.jackson.databind.JsonNode;

/** An input or output artifact; the location fields other than raw are opaque to Weft. */
public record Artifact(
    String name,
    String path,
    Integer mode,
    String from,
    String fromExpression,
    JsonNode archiveLogs,
    ArchiveStrategy archive,
    String globalName,
    Boolean optional,
    String subPath,
    Boolean recurseMode,
    Boolean deleted,
    JsonNode artifactGC,
    RawArtifact raw,
    JsonNode s3,
    JsonNode git,
    JsonNode http,
    JsonNode artifactory,
    JsonNode hdfs,
    JsonNode oss,
    JsonNode gcs,
    JsonNode azure) {

  public boolean isOptional() {
    return Boolean.TRUE.equals(optional);
  }

  /** A remote location Weft cannot fetch locally (it keeps artifacts in its own repository). */
  public boolean hasRemoteLocation() {
    return git != null
        || http != null
        || artifactory != null
        || hdfs != null
        || oss != null
        || gcs != null
        || azure != null;
  }

  /**
   * This artifact (its name, path, mode, flags) at another artifact's location: how an argument or
   * an output reference becomes a concrete artifact. {@code from} references are resolved by then.
   */
  public Artifact located(Artifact source, String newSubPath) {
    return new Artifact(
        name,
        path,
        mode,
        null,
        null,
        archiveLogs,
        archive != null ? archive : source.archive,
        globalName,
        optional,
        newSubPath,
        recurseMode,
        deleted,
        artifactGC,
        source.raw,
        source.s3,
        source.git,
        source.http,
        source.artifactory,
        source.hdfs,
        source.oss,
        source.gcs,
        source.azure);
  }

  public Artifact withName(String newName) {
    return new Artifact(
        newName,
        path,
        mode,
        from,
        fromExpression,
        archiveLogs,
        archive,
        globalName,
        optional,
        subPath,
        recurseMode,
        deleted,
        artifactGC,
        raw,
        s3,
        git,
        http,
        artifactory,
        hdfs,
        oss,
        gcs,
        azure);
  }
}
