package dev.weft.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.CodeSource;
import java.util.Optional;

/**
 * The {@code weft-launch} binary built from {@code src/main/c}: a static executable that wraps a
 * step's command in a Kubernetes pod (docs/kubernetes-pod-protocol.md). The build puts it in this
 * module's jar as the resource {@value #RESOURCE}.
 */
public final class LauncherBinary {
  /** Where the jar carries the binary. */
  public static final String RESOURCE = "dev/weft/launcher/weft-launch";

  /** The name {@link #extractTo} gives the copy. */
  public static final String FILE_NAME = "weft-launch";

  private LauncherBinary() {}

  /**
   * Copies the binary out of the class path to {@code dir/weft-launch}, mode 0755, replacing any
   * file there in one rename so a concurrent reader never sees half of it.
   *
   * @throws IOException if the binary is not on the class path (the module was built without gcc)
   *     or cannot be written
   */
  public static Path extractTo(Path dir) throws IOException {
    Files.createDirectories(dir);
    Path target = dir.resolve(FILE_NAME);
    try (InputStream in = LauncherBinary.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IOException(RESOURCE + " is not on the class path; build weft-launcher with gcc");
      }
      Path tmp = Files.createTempFile(dir, "." + FILE_NAME, ".tmp");
      try {
        Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
        // The jar keeps no file modes.
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.move(
            tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(tmp);
      }
    }
    return target;
  }

  /**
   * The binary the build left in {@code target/weft-launch}, when this class is running from the
   * module's own {@code target/classes}; empty when it runs from a jar.
   */
  public static Optional<Path> built() {
    CodeSource source = LauncherBinary.class.getProtectionDomain().getCodeSource();
    if (source == null || source.getLocation() == null) return Optional.empty();
    Path classes;
    try {
      classes = Path.of(source.getLocation().toURI());
    } catch (URISyntaxException | IllegalArgumentException e) {
      return Optional.empty();
    }
    if (!Files.isDirectory(classes) || classes.getParent() == null) return Optional.empty();
    Path binary = classes.getParent().resolve(FILE_NAME);
    return Files.isRegularFile(binary) && Files.isExecutable(binary)
        ? Optional.of(binary)
        : Optional.empty();
  }
}
