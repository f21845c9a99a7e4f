package dev.weft.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** One line about the machine the figures come from. */
final class Machine {
  private Machine() {}

  static String describe() {
    String cpu = "unknown CPU";
    String mem = "";
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (line.startsWith("model name")) {
          cpu = line.substring(line.indexOf(':') + 1).strip();
          break;
        }
      }
      for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (line.startsWith("MemTotal:")) {
          long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
          mem = ", " + Math.round(kb / 1024.0 / 1024.0) + " GB";
          break;
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux: say less
    }
    return Runtime.getRuntime().availableProcessors()
        + " cores ("
        + cpu
        + ")"
        + mem
        + ", "
        + System.getProperty("os.name")
        + " "
        + System.getProperty("os.version")
        + ", Java "
        + System.getProperty("java.version");
  }
}
