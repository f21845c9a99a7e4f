package dev.weft.controller.artifact;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.executor.FileTrees;
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
 */
public final class ArtifactRepository {
  private final Path root;

  public ArtifactRepository(Path root) {
    this.root = root;
  }

  public Path root() {
    return root;
  }

  /** Stores the file or directory at {@code source} under key; tar.gz unless {@code raw}. */
  public void put(String key, Path source, boolean raw) throws IOException {
    Path target = resolve(key);
    Files.createDirectories(target.getParent());
    if (raw) {
      FileTrees.copy(source, target);
    } else {
      Tar.create(source, target);
    }
  }

  /** Places the artifact's content at {@code dest} (a file or a directory, as it was saved). */
  public void materialize(Artifact a, Path dest) throws IOException {
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
    Path stored = resolve(key);
    if (!Files.exists(stored)) {
      throw new IOException("artifact \"" + a.name() + "\": key " + key + " does not exist");
    }
    if (Files.isRegularFile(stored) && Tar.isGzip(stored)) {
      Path staging = Files.createTempDirectory(dest.getParent(), ".extract");
      Tar.extract(stored, staging);
      List<Path> entries;
      try (var s = Files.list(staging)) {
        entries = s.toList();
      }
      Path content = entries.size() == 1 ? entries.get(0) : staging;
      if (a.subPath() != null && !a.subPath().isBlank()) content = content.resolve(a.subPath());
      FileTrees.move(content, dest);
      FileTrees.delete(staging);
      return;
    }
    Path content =
        a.subPath() == null || a.subPath().isBlank() ? stored : stored.resolve(a.subPath());
    FileTrees.copy(content, dest);
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

  private Path resolve(String key) throws IOException {
    Path p = root.resolve(key.replaceFirst("^/+", "")).normalize();
    if (!p.startsWith(root)) throw new IOException("artifact key escapes the repository: " + key);
    return p;
  }
}
