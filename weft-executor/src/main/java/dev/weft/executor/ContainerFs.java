package dev.weft.executor;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * One container's filesystem as seen from the host: its own root directory, the pod's mounts over
 * it, and (in the sandbox) read-only host system directories and the shim directory.
 */
record ContainerFs(Path root, List<Mount> mounts) {
  static final String SHIM_PATH = "/opt/weft/bin";

  /** Host directories bound read-only at the same path in the sandbox. */
  static final List<String> SYSTEM_DIRS = List.of("/usr", "/etc");

  /** Root-level symlinks into /usr, as on a merged-/usr distribution. */
  static final Map<String, String> USR_LINKS =
      Map.of("/bin", "/usr/bin", "/sbin", "/usr/sbin", "/lib", "/usr/lib", "/lib64", "/usr/lib64");

  /** Container paths that are not the container's own files (no inputs may go there). */
  static final List<String> RESERVED =
      List.of(
          "/usr", "/etc", "/bin", "/sbin", "/lib", "/lib64", "/proc", "/dev", "/run", SHIM_PATH);

  ContainerFs {
    root = root.toAbsolutePath();
    // Longest container path first, so the innermost mount wins.
    mounts =
        mounts.stream()
            .sorted(Comparator.comparingInt((Mount m) -> m.containerPath().length()).reversed())
            .toList();
  }

  /**
   * Where a container path's file lives on the host: in the innermost mount containing it, else
   * under the container root. Relative paths are taken from {@code /}.
   */
  Path hostPath(String containerPath) {
    return hostFile(containerPath).path();
  }

  /** {@link #hostPath} split into the trusted directory and the part below it the step controls. */
  HostFile hostFile(String containerPath) {
    String path =
        ContainerPaths.normalize(
            containerPath.startsWith("/") ? containerPath : "/" + containerPath);
    for (Mount mount : mounts) {
      if (ContainerPaths.isUnder(path, mount.containerPath())) {
        return mount.file(ContainerPaths.relativeTo(path, mount.containerPath()));
      }
    }
    return new HostFile(root, ContainerPaths.relativeTo(path, "/"));
  }

  /**
   * Like {@link #hostPath} but also resolving the sandbox's read-only system directories and the
   * shim directory: where the sandboxed process would find an executable.
   */
  Path viewPath(String containerPath, Path shimDir) {
    String path = ContainerPaths.normalize(containerPath);
    for (Map.Entry<String, String> link : USR_LINKS.entrySet()) {
      if (ContainerPaths.isUnder(path, link.getKey())) {
        path = link.getValue() + path.substring(link.getKey().length());
      }
    }
    if (ContainerPaths.isUnder(path, SHIM_PATH)) {
      return resolve(shimDir, ContainerPaths.relativeTo(path, SHIM_PATH));
    }
    for (String dir : SYSTEM_DIRS) {
      if (ContainerPaths.isUnder(path, dir)) {
        return Path.of(path);
      }
    }
    return hostPath(path);
  }

  static boolean isReserved(String containerPath) {
    return RESERVED.stream().anyMatch(dir -> ContainerPaths.isUnder(containerPath, dir));
  }

  static Path resolve(Path base, String relative) {
    return relative.isEmpty() ? base : base.resolve(relative);
  }
}
