package dev.weft.executor;

import java.nio.file.Path;

/** Validation and normalisation of container paths (always absolute, Unix style). */
final class ContainerPaths {
  private ContainerPaths() {}

  static String requireAbsolute(String containerPath) {
    if (containerPath == null || !containerPath.startsWith("/")) {
      throw new IllegalArgumentException("container path must be absolute: " + containerPath);
    }
    return normalize(containerPath);
  }

  static String normalize(String containerPath) {
    String normalized = Path.of(containerPath).normalize().toString();
    // ".." above the root stays at the root ("/../x" is "/x"); "/..data" is an ordinary name
    while (normalized.startsWith("/../")) normalized = normalized.substring(3);
    return normalized.equals("/..") ? "/" : normalized;
  }

  /** True if {@code path} equals {@code dir} or lies below it. */
  static boolean isUnder(String path, String dir) {
    return dir.equals("/") || path.equals(dir) || path.startsWith(dir + "/");
  }

  /** {@code path} relative to {@code dir}, which it lies under; "" when equal. */
  static String relativeTo(String path, String dir) {
    if (path.equals(dir)) {
      return "";
    }
    return dir.equals("/") ? path.substring(1) : path.substring(dir.length() + 1);
  }
}
