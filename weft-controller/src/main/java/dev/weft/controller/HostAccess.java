package dev.weft.controller;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What of the host a workflow may reach, as the operator allowed it on the command line ({@code
 * --allow-host-path PREFIX}, repeatable, and {@code --allow-privileged}); by default nothing.
 * Prefixes are compared on real paths, component by component: {@code /data} allows {@code
 * /data/x}, never {@code /database}, nor a path that reaches elsewhere through {@code ..} or a
 * symlink.
 *
 * @param hostPathPrefixes host directories under which hostPath volumes are allowed
 * @param allowPrivileged whether containers may ask for {@code securityContext.privileged}
 */
public record HostAccess(List<Path> hostPathPrefixes, boolean allowPrivileged) {
  public HostAccess {
    List<Path> real = new ArrayList<>();
    for (Path p : hostPathPrefixes) real.add(realPath(p.toAbsolutePath().normalize()));
    hostPathPrefixes = List.copyOf(real);
  }

  /** Nothing of the host: the default of `weft run` and `weft server`. */
  public static HostAccess none() {
    return new HostAccess(List.of(), false);
  }

  /**
   * The host directory a hostPath volume may mount, resolved to its real path, or a refusal naming
   * the flag that would allow it.
   */
  public Path hostPath(String volume, String path) throws IOException {
    if (path == null || !path.startsWith("/")) {
      throw new IOException(
          "volume \"" + volume + "\": hostPath " + path + " must be an absolute path");
    }
    Path real = realPath(Path.of(path).normalize());
    for (Path prefix : hostPathPrefixes) {
      if (real.startsWith(prefix)) return real;
    }
    throw new IOException(
        "volume \""
            + volume
            + "\": hostPath "
            + path
            + (real.toString().equals(Path.of(path).normalize().toString())
                ? ""
                : " (really " + real + ")")
            + " is not allowed (pass --allow-host-path "
            + real
            + " to weft run or weft server to allow it)");
  }

  /** The real path of the longest existing prefix, with the rest (not yet created) appended. */
  private static Path realPath(Path p) {
    Path existing = p;
    while (existing != null && !Files.exists(existing)) existing = existing.getParent();
    if (existing == null) return p;
    try {
      return existing.toRealPath().resolve(existing.relativize(p)).normalize();
    } catch (IOException e) {
      return p;
    }
  }
}
