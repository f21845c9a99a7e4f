package dev.weft.controller;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Where Weft keeps its state on this machine: the weft.home property, $WEFT_HOME, else the XDG data
 * directory. It holds tokens, secrets and every step's files, so it is private to its owner.
 */
public final class DataDir {
  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rwx------");

  private DataDir() {}

  public static Path resolve() {
    String property = System.getProperty("weft.home");
    if (property != null && !property.isBlank()) return Path.of(property);
    String home = System.getenv("WEFT_HOME");
    if (home != null && !home.isBlank()) return Path.of(home);
    String xdg = System.getenv("XDG_DATA_HOME");
    if (xdg != null && !xdg.isBlank()) return Path.of(xdg, "weft");
    return Path.of(System.getProperty("user.home"), ".local", "share", "weft");
  }

  /**
   * Creates the data directory (and missing parents) mode 0700, and makes an existing one 0700:
   * nothing under it is then reachable by other users, whatever the modes of the files inside.
   */
  public static Path createPrivate(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
    }
    // createDirectories' mode is filtered by the umask; set it exactly.
    Files.setPosixFilePermissions(dir, OWNER_ONLY);
    return dir;
  }
}
