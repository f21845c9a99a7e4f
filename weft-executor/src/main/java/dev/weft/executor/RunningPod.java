package dev.weft.executor;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/** A started pod. All methods are thread-safe and non-blocking. */
public interface RunningPod {
  /**
   * Completes when every container has ended (or will never run). Never completes exceptionally.
   */
  CompletableFuture<PodOutcome> completion();

  /**
   * Kills every process of every container (SIGTERM, then SIGKILL after a short grace period);
   * containers not yet started never start. The outcome carries {@code reason}. Only the first
   * reason is kept.
   */
  void kill(String reason);

  /** Where {@code containerPath} of a container lives on the host, honouring mounts. */
  Path hostPath(String containerName, String containerPath);

  /**
   * {@link #hostPath} as a trusted directory and the part below it the step controls, to be read
   * with {@link SafePaths} so that no symlink the step planted is followed.
   */
  default HostFile hostFile(String containerName, String containerPath) {
    Path p = hostPath(containerName, containerPath);
    return new HostFile(p.getParent(), p.getFileName().toString());
  }

  Path stdoutFile(String containerName);

  Path stderrFile(String containerName);

  /** The container's stdout so far, decoded as UTF-8, truncated to at most {@code maxBytes}. */
  /** The last {@code maxBytes} bytes of a container's stdout. */
  default String stdoutTail(String containerName, int maxBytes) {
    return Logs.readTail(stdoutFile(containerName), maxBytes);
  }

  default String stdout(String containerName, int maxBytes) {
    return Logs.readCapped(stdoutFile(containerName), maxBytes);
  }
}
