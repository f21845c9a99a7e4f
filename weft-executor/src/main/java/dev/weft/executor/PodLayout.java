package dev.weft.executor;

import java.nio.file.Path;

/**
 * Where the executor keeps a pod's files under its work dir: {@code roots/<container>/} is each
 * container's root directory, {@code logs/<container>.stdout} and {@code .stderr} its output.
 */
public record PodLayout(Path workDir) {
  public PodLayout {
    workDir = workDir.toAbsolutePath();
  }

  public Path root(String container) {
    return workDir.resolve("roots").resolve(container);
  }

  /** Where the container's shim records that it started and how it ended. */
  public Path state(String container) {
    return workDir.resolve("state").resolve(container);
  }

  public Path stdout(String container) {
    return workDir.resolve("logs").resolve(container + ".stdout");
  }

  public Path stderr(String container) {
    return workDir.resolve("logs").resolve(container + ".stderr");
  }
}
