package dev.weft.controller.artifact;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.executor.FileTrees;
import dev.weft.executor.HostFile;
import dev.weft.executor.SafePaths;
import dev.weft.model.spec.Artifact;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Weft's artifact repository, addressed by key as Argo's (S3-style) repository is: output artifacts
 * are tar.gz archives unless archive is none; key-only artifacts ({@code s3: {key: ...}}) refer
 * into the default store, an artifact with its own {@code s3:} bucket into that one. The bytes live
 * in an {@link ArtifactStore}: by default a directory on this machine, or an S3-compatible bucket
 * ({@link ArtifactStores}).
 *
 * <p>Each namespace has its own bucket (a directory, or a key prefix in S3): a key (default or
 * user-given) can never reach another namespace's artifacts. Keys are relative paths without {@code
 * ..}; what a step wrote is read without following its symlinks ({@link SafePaths}), and links
 * stored inside a directory artifact are copied back out as links, never followed.
 */
public final class ArtifactRepository implements AutoCloseable {
  private final ArtifactStore store;
  private final SecretLookup secrets;
  private final Path scratch;

  /** The local repository under {@code root}. */
  public ArtifactRepository(Path root) {
    this(new LocalArtifactStore(root), SecretLookup.none(), root);
  }

  /**
   * A repository over {@code store}; {@code secrets} give artifacts' own S3 credentials, and {@code
   * scratch} is a private local directory where archives are made and unpacked.
   */
  public ArtifactRepository(ArtifactStore store, SecretLookup secrets, Path scratch) {
    this.store = store;
    this.secrets = secrets;
    this.scratch = scratch.toAbsolutePath().normalize();
  }

  /** The repository {@code config} describes ({@link ArtifactStores#from}). */
  public static ArtifactRepository from(
      ArtifactRepositoryConfig config, SecretLookup secrets, Path localRoot)
      throws ArtifactConfigException {
    return new ArtifactRepository(
        ArtifactStores.from(config, secrets, localRoot), secrets, localRoot);
  }

  public ArtifactStore store() {
    return store;
  }

  /** The local store's directory, or where an S3 store's archives are made. */
  public Path root() {
    return store instanceof LocalArtifactStore local ? local.root() : scratch;
  }

  /**
   * Weft's local default key: Argo's {@code {{workflow.name}}/{{pod.name}}} with the workflow's uid
   * between them so that a deleted and recreated workflow of the same name never sees its
   * predecessor's.
   */
  public static String defaultKey(
      String workflowName, String workflowUid, String podName, String artifact, boolean raw) {
    return workflowName + "/" + workflowUid + "/" + podName + "/" + artifact + (raw ? "" : ".tgz");
  }

  /** The key an output artifact without one gets in the default store. */
  public String defaultKey(ArtifactStore.KeyContext context, String artifact, boolean raw)
      throws IOException {
    return store.defaultKey(context, artifact, raw);
  }

  /** As {@link #save(String, JsonNode, String, HostFile, boolean, String)} in the default store. */
  public boolean save(String namespace, String key, HostFile source, boolean raw, String what)
      throws IOException {
    return save(namespace, null, key, source, raw, what);
  }

  /**
   * Stores what a step left at {@code source} under key in {@code namespace}'s bucket, or in the
   * bucket the artifact's own {@code s3} names; tar.gz unless {@code raw}. {@code what} names the
   * output in errors. False if nothing is there.
   */
  public boolean save(
      String namespace, JsonNode s3, String key, HostFile source, boolean raw, String what)
      throws IOException {
    String k = ArtifactKeys.fromUser(key);
    try (Located at = locate(s3, what)) {
      if (at.store() instanceof LocalArtifactStore local) {
        return saveInPlace(local.resolve(namespace, k), source, raw, what);
      }
      Files.createDirectories(scratch);
      Path staging = Files.createTempDirectory(scratch, ".save");
      try {
        Path copy = staging.resolve(Path.of(source.relative()).getFileName().toString());
        if (!SafePaths.copyOut(source.base(), source.relative(), copy, what)) return false;
        Path content = copy;
        if (!raw) {
          content = staging.resolve(".artifact.tgz");
          Tar.create(copy, content);
        }
        at.store().put(namespace, k, content);
        return true;
      } finally {
        FileTrees.deleteQuietly(staging);
      }
    }
  }

  private static boolean saveInPlace(Path target, HostFile source, boolean raw, String what)
      throws IOException {
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
    String k = ArtifactKeys.fromUser(key);
    try (Located at = locate(a.s3(), what)) {
      if (at.store() instanceof LocalArtifactStore local) {
        Path bucket = local.bucket(namespace);
        String storedRel = bucket.relativize(local.resolve(namespace, k)).toString();
        if (!SafePaths.exists(bucket, storedRel, what)) {
          throw new IOException(what + ": key " + key + " does not exist");
        }
        unpack(bucket, storedRel, subPath, dest, what);
        return;
      }
      Files.createDirectories(scratch);
      Path staging = Files.createTempDirectory(scratch, ".fetch");
      try {
        try {
          at.store().get(namespace, k, staging.resolve("stored"));
        } catch (ArtifactNotFoundException e) {
          throw new IOException(what + ": key " + key + " does not exist in " + at.describe());
        }
        unpack(staging, "stored", subPath, dest, what);
      } finally {
        FileTrees.deleteQuietly(staging);
      }
    }
  }

  /** From the stored file or directory {@code base/storedRel} to {@code dest}, unarchived. */
  private static void unpack(Path base, String storedRel, String subPath, Path dest, String what)
      throws IOException {
    Path stored = base.resolve(storedRel);
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
    if (!SafePaths.copyOut(base, join(storedRel, subPath), dest, what)) {
      throw new IOException(what + ": " + subPath + " is not in the artifact");
    }
  }

  private static String join(String a, String b) {
    if (a == null) return b;
    return b == null ? a : a + "/" + b;
  }

  /**
   * The artifact as stored, for the server's download: the saved file (a tar.gz unless raw), a raw
   * artifact's data, or a directory ({@code archive: none}) packed into a tar.gz on the way. The
   * caller closes the stream. Throws {@link ArtifactNotFoundException} when nothing is stored.
   */
  public Download download(String namespace, Artifact a) throws IOException {
    if (a.raw() != null) {
      byte[] data = (a.raw().data() == null ? "" : a.raw().data()).getBytes(StandardCharsets.UTF_8);
      return new Download(a.name(), new java.io.ByteArrayInputStream(data));
    }
    String key = keyOf(a);
    if (key == null) {
      throw new ArtifactNotFoundException(
          "artifact \"" + a.name() + "\" is not in a repository Weft can read");
    }
    String k = ArtifactKeys.fromUser(key);
    String fileName = k.substring(k.lastIndexOf('/') + 1);
    Located at = locate(a.s3(), "artifact \"" + a.name() + "\"");
    try {
      if (!at.store().exists(namespace, k)) {
        throw new ArtifactNotFoundException("key " + key + " does not exist in " + at.describe());
      }
      try {
        return new Download(fileName, closingBoth(at.store().open(namespace, k), at, null));
      } catch (ArtifactNotFoundException directory) {
        // it exists but is no single file: a directory, sent packed
        Files.createDirectories(scratch);
        Path staging = Files.createTempDirectory(scratch, ".download");
        try {
          Path copy = staging.resolve(fileName);
          at.store().get(namespace, k, copy);
          Path packed = staging.resolve(".artifact.tgz");
          Tar.create(copy, packed);
          return new Download(
              fileName + ".tgz", closingBoth(Files.newInputStream(packed), at, staging));
        } catch (IOException | RuntimeException e) {
          FileTrees.deleteQuietly(staging);
          throw e;
        }
      }
    } catch (IOException | RuntimeException e) {
      at.close();
      throw e;
    }
  }

  /** A stored artifact's bytes and the file name it is offered under. */
  public record Download(String fileName, java.io.InputStream stream) {}

  private static java.io.InputStream closingBoth(java.io.InputStream in, Located at, Path staging) {
    return new java.io.FilterInputStream(in) {
      @Override
      public void close() throws IOException {
        try {
          super.close();
        } finally {
          at.close();
          if (staging != null) FileTrees.deleteQuietly(staging);
        }
      }
    };
  }

  /** Receives one stored file's bytes; the stream is closed by the caller. */
  @FunctionalInterface
  public interface StoredFileReader {
    void read(String pathInArtifact, java.io.InputStream bytes) throws IOException;
  }

  /**
   * Hands {@code reader} the artifact's bytes exactly as stored, streamed: a single stored file (a
   * tar.gz unless raw) with path {@code ""}, or each regular file of a stored directory ({@code
   * archive: none}) by its path inside it, in sorted order; links are never followed. False when
   * nothing is stored under its key, or it has no key in a repository Weft reads (raw artifacts are
   * in the spec).
   */
  public boolean readStored(String namespace, Artifact a, StoredFileReader reader)
      throws IOException {
    String key = a.raw() != null ? null : keyOf(a);
    if (key == null) return false;
    String k = ArtifactKeys.fromUser(key);
    try (Located at = locate(a.s3(), "artifact \"" + a.name() + "\"")) {
      if (!at.store().exists(namespace, k)) return false;
      java.io.InputStream single;
      try {
        single = at.store().open(namespace, k);
      } catch (ArtifactNotFoundException directory) {
        single = null;
      }
      if (single != null) {
        try (java.io.InputStream in = single) {
          reader.read("", in);
        }
        return true;
      }
      if (at.store() instanceof LocalArtifactStore local) {
        Path bucket = local.bucket(namespace);
        String rel = bucket.relativize(local.resolve(namespace, k)).toString();
        readTree(SafePaths.noLinksUnder(bucket, rel, "artifact key " + key), reader);
        return true;
      }
      Files.createDirectories(scratch);
      Path staging = Files.createTempDirectory(scratch, ".read");
      try {
        at.store().get(namespace, k, staging.resolve("stored"));
        readTree(staging.resolve("stored"), reader);
        return true;
      } finally {
        FileTrees.deleteQuietly(staging);
      }
    }
  }

  private static void readTree(Path dir, StoredFileReader reader) throws IOException {
    List<Path> files;
    try (var walk = Files.walk(dir)) { // Files.walk does not follow links unless asked
      files =
          walk.filter(f -> Files.isRegularFile(f, java.nio.file.LinkOption.NOFOLLOW_LINKS))
              .sorted(java.util.Comparator.comparing(f -> dir.relativize(f).toString()))
              .toList();
    }
    for (Path f : files) {
      try (var in = Files.newInputStream(f, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        reader.read(dir.relativize(f).toString(), in);
      }
    }
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

  /** The store an artifact's location names: its own bucket (closed after use) or the default. */
  private Located locate(JsonNode s3, String what) throws IOException {
    ArtifactStore own = ArtifactStores.forArtifact(s3, secrets, what);
    return own == null ? new Located(store, false) : new Located(own, true);
  }

  private record Located(ArtifactStore store, boolean owned) implements AutoCloseable {
    String describe() {
      return store.describe();
    }

    @Override
    public void close() {
      if (owned) store.close();
    }
  }

  @Override
  public void close() {
    store.close();
  }
}
