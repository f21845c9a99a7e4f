package dev.weft.controller.artifact;

import dev.weft.executor.FileTrees;
import dev.weft.executor.SafePaths;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Artifacts in a directory on this machine: {@code <root>/<namespace>/<key>}, one bucket directory
 * per namespace. Nothing is read through a symlink ({@link SafePaths}).
 */
public final class LocalArtifactStore implements ArtifactStore {
  private final Path root;

  public LocalArtifactStore(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  public Path root() {
    return root;
  }

  /** The namespace's bucket directory. */
  public Path bucket(String namespace) throws IOException {
    return root.resolve(ArtifactKeys.namespace(namespace));
  }

  /** Where key lives on disk; it cannot leave the namespace's bucket. */
  public Path resolve(String namespace, String key) throws IOException {
    return SafePaths.under(bucket(namespace), ArtifactKeys.check(key), "artifact key");
  }

  @Override
  public void put(String namespace, String key, Path content) throws IOException {
    Path target = resolve(namespace, key);
    Files.createDirectories(target.getParent());
    FileTrees.move(content, target);
  }

  @Override
  public void get(String namespace, String key, Path dest) throws IOException {
    Path bucket = bucket(namespace);
    String rel = bucket.relativize(resolve(namespace, key)).toString();
    if (!SafePaths.copyOut(bucket, rel, dest, "artifact key " + key)) {
      throw new ArtifactNotFoundException("key " + key + " does not exist in " + describe());
    }
  }

  @Override
  public boolean exists(String namespace, String key) throws IOException {
    Path bucket = bucket(namespace);
    return SafePaths.exists(
        bucket, bucket.relativize(resolve(namespace, key)).toString(), "artifact key");
  }

  @Override
  public void delete(String namespace, String key) throws IOException {
    FileTrees.delete(resolve(namespace, key));
  }

  @Override
  public InputStream open(String namespace, String key) throws IOException {
    Path bucket = bucket(namespace);
    Path file =
        SafePaths.noLinksUnder(
            bucket, bucket.relativize(resolve(namespace, key)).toString(), "artifact key");
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      throw new ArtifactNotFoundException("key " + key + " is not a stored file in " + describe());
    }
    return Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS);
  }

  @Override
  public String defaultKey(KeyContext c, String artifact, boolean raw) {
    return ArtifactRepository.defaultKey(
        c.workflowName(), c.workflowUid(), c.podName(), artifact, raw);
  }

  @Override
  public String describe() {
    return "the local artifact repository " + root;
  }
}
