package dev.weft.executor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * How container processes are isolated.
 *
 * <ul>
 *   <li>{@link #NAMESPACES}: each container runs under bubblewrap with its own root directory,
 *       read-only host system directories, and its own pid, ipc and uts namespaces.
 *   <li>{@link #HOST_DIRECT}: the fallback when bubblewrap does not work. Processes run directly on
 *       the host, each in its own session and process group, with the container root as working
 *       directory and the shim directory first on PATH. Absolute paths are NOT isolated: a step
 *       writing {@code /tmp/x} writes the host's {@code /tmp/x}.
 * </ul>
 */
public enum SandboxMode {
  NAMESPACES,
  HOST_DIRECT;

  /** The outcome of probing the host: the mode to use and a one-line explanation. */
  public record Probe(SandboxMode mode, String message) {}

  static final String BWRAP = "/usr/bin/bwrap";

  private static volatile Probe probed;

  /** Detects once (then cached) whether bubblewrap works here. */
  public static SandboxMode detect() {
    return probe().mode();
  }

  /** The cached detection with its human-readable message. */
  public static Probe probe() {
    Probe result = probed;
    if (result == null) {
      synchronized (SandboxMode.class) {
        if (probed == null) {
          probed = runProbe();
        }
        result = probed;
      }
    }
    return result;
  }

  private static Probe runProbe() {
    if (!Files.isExecutable(Path.of(BWRAP))) {
      return fallback(BWRAP + " is not installed");
    }
    Path dir = null;
    try {
      dir = Files.createTempDirectory("weft-bwrap-probe");
      List<String> argv =
          SandboxCommand.of(dir.resolve("root"), "probe", List.of("/usr/bin/true"), dir);
      Process process =
          new ProcessBuilder(argv)
              .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
              .redirectErrorStream(true)
              .start();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return fallback("bwrap did not finish within 10 s");
      }
      String output =
          new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      if (process.exitValue() != 0) {
        return fallback("bwrap failed (" + firstLine(output) + ")");
      }
      return new Probe(NAMESPACES, "sandbox: bubblewrap namespaces (" + BWRAP + ")");
    } catch (IOException e) {
      return fallback("bwrap could not be run (" + e.getMessage() + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return fallback("interrupted while probing bwrap");
    } finally {
      if (dir != null) {
        FileTrees.deleteQuietly(dir);
      }
    }
  }

  private static String firstLine(String text) {
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }

  private static Probe fallback(String why) {
    return new Probe(
        HOST_DIRECT,
        "sandbox: "
            + why
            + "; falling back to HOST_DIRECT (steps run as plain host processes, absolute paths"
            + " not isolated)");
  }
}
