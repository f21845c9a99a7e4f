package dev.weft.kube.sim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.stream.Stream;

/**
 * An image's own /etc: a container's root owns its image's files (root in the container can read
 * its /etc/shadow), while the sandbox otherwise shows the host's /etc, owned by a host root the
 * container's user namespace does not map. A copy owned by the container's root stands in.
 */
public final class ImageEtc {
  /** The host uid the sandbox maps the container's root to (see weft-executor's UserNamespace). */
  static final int CONTAINER_ROOT = 100_000;

  private ImageEtc() {}

  public static ImageLayer forEveryImage(Path dir) throws IOException {
    Path etc = dir.resolve("etc");
    try (Stream<Path> walk = Files.walk(Path.of("/etc"))) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        Path t = etc.resolve(Path.of("/etc").relativize(p).toString());
        try {
          if (Files.isSymbolicLink(p)) {
            Files.createSymbolicLink(t, Files.readSymbolicLink(p));
          } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(t);
          } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
            Files.copy(p, t, StandardCopyOption.COPY_ATTRIBUTES);
          } else {
            continue;
          }
          Files.setAttribute(t, "unix:uid", CONTAINER_ROOT, LinkOption.NOFOLLOW_LINKS);
          Files.setAttribute(t, "unix:gid", CONTAINER_ROOT, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException | SecurityException e) {
          // a file the host itself keeps from root (rare): the image simply lacks it
        }
      }
    }
    return new ImageLayer("", etc, "/etc", Map.of());
  }
}
