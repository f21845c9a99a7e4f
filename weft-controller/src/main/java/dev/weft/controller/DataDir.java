package dev.weft.controller;

import java.nio.file.Path;

/**
 * Where Weft keeps its state on this machine: the weft.home property, $WEFT_HOME, else the XDG data
 * directory.
 */
public final class DataDir {
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
}
