package dev.weft.executor;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A host directory (or file) bind-mounted into a container, like a Kubernetes volume mount. Two
 * containers mounting the same host directory share its contents.
 *
 * @param volume the volume's own host directory, a path Weft chose (a containers' writes cannot
 *     redirect it); created if missing when the container starts
 * @param subPath the part of the volume mounted (relative, no {@code ..}; empty for all of it). It
 *     lies in what containers write, so it is resolved without following links, at start
 * @param containerPath absolute path inside the container
 * @param readOnly whether the container sees it read-only
 * @param provisioned whether Weft made the volume for pods (emptyDir, claim, configMap, secret), so
 *     it is handed to the containers' user; a hostPath is the host's own and left as it is
 */
public record Mount(
    Path volume, String subPath, String containerPath, boolean readOnly, boolean provisioned) {
  public Mount {
    volume = Objects.requireNonNull(volume, "volume").toAbsolutePath().normalize();
    try {
      subPath = subPath == null || subPath.isEmpty() ? "" : SafePaths.relative(subPath, "subPath");
    } catch (IOException e) {
      throw new IllegalArgumentException(e.getMessage());
    }
    containerPath = ContainerPaths.requireAbsolute(containerPath);
  }

  /** A mount of all of a directory Weft provisioned. */
  public Mount(Path hostPath, String containerPath, boolean readOnly) {
    this(hostPath, "", containerPath, readOnly, true);
  }

  /** A mount of all of a directory. */
  public Mount(Path hostPath, String containerPath, boolean readOnly, boolean provisioned) {
    this(hostPath, "", containerPath, readOnly, provisioned);
  }

  /** Where the mounted directory is on the host (as a path: check it before trusting it). */
  public Path hostPath() {
    return subPath.isEmpty() ? volume : volume.resolve(subPath);
  }

  /** The host file of {@code relative} (below the mount point) from the volume's root. */
  HostFile file(String relative) {
    String inVolume =
        subPath.isEmpty() ? relative : relative.isEmpty() ? subPath : subPath + "/" + relative;
    return new HostFile(volume, inVolume);
  }
}
