package dev.weft.controller.artifact;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Where artifact bytes live, addressed by namespace and key: a directory on this machine or an
 * S3-compatible bucket. Archiving (tar.gz), {@code subPath} and raw artifacts are the business of
 * {@link ArtifactRepository}; a store only moves files and directories in and out.
 *
 * <p>Keys given to a store are relative ({@link ArtifactKeys#check}): no leading {@code /}, no
 * {@code ..}. Each store keeps namespaces apart in its default location, so a key from one
 * namespace never names another namespace's object.
 */
public sealed interface ArtifactStore extends AutoCloseable
    permits LocalArtifactStore, S3ArtifactStore {

  /** Stores a file, or a directory (an {@code archive: none} artifact), under key. */
  void put(String namespace, String key, Path content) throws IOException;

  /**
   * Places what key holds at {@code dest} (absent beforehand), as a file or directory as it was
   * put. Throws {@link ArtifactNotFoundException} when key holds nothing.
   */
  void get(String namespace, String key, Path dest) throws IOException;

  boolean exists(String namespace, String key) throws IOException;

  /** Removes key (and, for a directory, everything under it); absent keys are not an error. */
  void delete(String namespace, String key) throws IOException;

  /** A single stored file's bytes, for streaming (the server's download endpoint). */
  InputStream open(String namespace, String key) throws IOException;

  /**
   * The key an output artifact gets when it names none: the repository's {@code keyFormat} (or
   * Weft's local default) followed by the artifact's file name.
   */
  String defaultKey(KeyContext context, String artifact, boolean raw) throws IOException;

  /** Where this store keeps things, for messages: never holds a credential. */
  String describe();

  @Override
  default void close() {}

  /** What an output artifact's default key is made of. */
  record KeyContext(
      String workflowName,
      String namespace,
      String workflowUid,
      String podName,
      String creationTimestamp) {}
}
