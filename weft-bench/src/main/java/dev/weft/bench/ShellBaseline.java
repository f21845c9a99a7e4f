package dev.weft.bench;

import dev.weft.executor.SandboxCommand;
import dev.weft.executor.SandboxMode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The physical limit the figures are set against: a shell spawning the same sandboxed {@code true}
 * a step runs (bare {@code true} where this machine has no namespace sandbox), N times: one after
 * another, all at once, or {@code k} at a time.
 */
final class ShellBaseline {
  private final String command;

  ShellBaseline(Path dir) throws IOException {
    List<String> argv =
        SandboxMode.detect() == SandboxMode.NAMESPACES
            ? SandboxCommand.of(
                dir.resolve("baseline-root"), "baseline", List.of("/usr/bin/true"), dir)
            : List.of("/usr/bin/true");
    StringBuilder line = new StringBuilder();
    for (String arg : argv) line.append('\'').append(arg.replace("'", "'\\''")).append("' ");
    command = line.toString();
  }

  /** Milliseconds for {@code n} runs, one after another. */
  double sequential(int n) throws IOException, InterruptedException {
    return time("for i in $(seq " + n + "); do " + command + "; done");
  }

  /** Milliseconds for {@code n} runs, all spawned at once. */
  double allAtOnce(int n) throws IOException, InterruptedException {
    return time("for i in $(seq " + n + "); do " + command + "& done; wait");
  }

  /** Milliseconds for {@code n} runs, {@code k} at a time (xargs -P). */
  double atATime(int n, int k) throws IOException, InterruptedException {
    return time("seq " + n + " | xargs -P " + k + " -I{} " + command);
  }

  private static double time(String script) throws IOException, InterruptedException {
    long t0 = System.nanoTime();
    Process p = new ProcessBuilder("/bin/bash", "-c", script).inheritIO().start();
    if (p.waitFor() != 0) throw new IOException("baseline loop failed: " + script);
    return Stats.millis(System.nanoTime() - t0);
  }
}
