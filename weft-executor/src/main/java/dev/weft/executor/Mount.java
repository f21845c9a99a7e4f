package dev.weft.executor;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A host directory (or file) bind-mounted into a container, like a Kubernetes volume mount. Two
 * containers mounting the same {@code hostPath} share its contents.
 *
 * @param hostPath the host directory; created if missing when the container starts
 * @param containerPath absolute path inside the container
 * @param readOnly whether the container sees it read-only
 * @param provisioned whether Weft made the directory for pods (emptyDir, claim, configMap, secret),
 *     so it is handed to the containers' user; a hostPath is the host's own and left as it is
 */
public record Mount(Path hostPath, String containerPath, boolean readOnly, boolean provisioned) {
  public Mount {
    Objects.requireNonNull(hostPath, "hostPath");
    containerPath = ContainerPaths.requireAbsolute(containerPath);
  }

  /** A mount of a directory Weft provisioned. */
  public Mount(Path hostPath, String containerPath, boolean readOnly) {
    this(hostPath, containerPath, readOnly, true);
  }
}
