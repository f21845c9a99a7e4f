package dev.weft.bench;

import dev.weft.controller.ControlPlane;
import dev.weft.executor.SandboxCommand;
import dev.weft.executor.SandboxMode;
import dev.weft.model.Workflow;
import dev.weft.model.status.NodeStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Local mode against the physical limit: N sequential steps running {@code true} through the
 * sandboxed executor on the durable store, against a shell loop spawning the same sandboxed {@code
 * true} N times; the same for N parallel steps; and the step-to-step latency, from the shims'
 * records (one step's process exit to the next step's process start).
 */
final class LocalModeBench {
  private static final String SECTION = "local";
  private final Sizes sizes;
  private final Path work;

  LocalModeBench(Sizes sizes, Path work) {
    this.sizes = sizes;
    this.work = work;
  }

  void run(Report report) throws Exception {
    Path dir = work.resolve("local");
    int n = sizes.localSteps();
    try (ControlPlane plane = Planes.sandboxed(dir)) {
      Planes.run(plane, Shapes.decode(Shapes.chain("warm", 3)), Duration.ofMinutes(1));
      long t0 = System.nanoTime();
      Workflow chain =
          Planes.run(plane, Shapes.decode(Shapes.chain("chain", n)), Duration.ofMinutes(10));
      double weft = Stats.millis(System.nanoTime() - t0);
      double shell = shellLoop(dir, n, false);
      report.add(Figure.of(SECTION, n + " sequential steps: weft", weft, "ms"));
      report.add(
          Figure.of(SECTION, n + " sequential steps: shell loop of sandboxed true", shell, "ms"));
      report.add(
          Figure.of(SECTION, n + " sequential steps: ratio weft / shell", weft / shell, "x"));
      report.add(
          Figure.atMost(
              SECTION,
              "overhead per sequential step over the shell loop",
              (weft - shell) / n,
              "ms",
              5));
      List<Double> gaps = gaps(plane, dir, chain);
      report.add(Figure.atMost(SECTION, "step-to-step latency p50", Stats.median(gaps), "ms", 10));
      report.add(Figure.of(SECTION, "step-to-step latency p99", Stats.percentile(gaps, 99), "ms"));

      int m = sizes.localFanOut();
      t0 = System.nanoTime();
      Planes.run(plane, Shapes.decode(Shapes.parallel("fan", m)), Duration.ofMinutes(10));
      double weftFan = Stats.millis(System.nanoTime() - t0);
      double shellFan = shellLoop(dir, m, true);
      report.add(Figure.of(SECTION, m + " parallel steps: weft", weftFan, "ms"));
      report.add(
          Figure.of(SECTION, m + " parallel steps: shell, all spawned at once", shellFan, "ms"));
      report.add(
          Figure.of(SECTION, m + " parallel steps: ratio weft / shell", weftFan / shellFan, "x"));
      report.add(Figure.of(SECTION, "overhead per parallel step", (weftFan - shellFan) / m, "ms"));
    }
  }

  /** The same sandboxed `true`, N times from a shell: one after another, or all at once. */
  private static double shellLoop(Path dir, int n, boolean parallel)
      throws IOException, InterruptedException {
    List<String> command;
    if (SandboxMode.detect() == SandboxMode.NAMESPACES) {
      command =
          SandboxCommand.of(
              dir.resolve("baseline-root"), "baseline", List.of("/usr/bin/true"), dir);
    } else {
      command = List.of("/usr/bin/true");
    }
    StringBuilder line = new StringBuilder();
    for (String arg : command) line.append('\'').append(arg.replace("'", "'\\''")).append("' ");
    String body = parallel ? line + "& " : line + "; ";
    String script = "for i in $(seq " + n + "); do " + body + "done" + (parallel ? "; wait" : "");
    long t0 = System.nanoTime();
    Process p = new ProcessBuilder("/bin/bash", "-c", script).inheritIO().start();
    if (p.waitFor() != 0) throw new IOException("baseline loop failed: " + script);
    return Stats.millis(System.nanoTime() - t0);
  }

  /** Exit of step i's process to start of step i+1's, from the shim files' times. */
  private static List<Double> gaps(ControlPlane plane, Path dir, Workflow wf) throws IOException {
    List<NodeStatus> steps =
        wf.status().nodesOrEmpty().values().stream()
            .filter(s -> s.podName() != null)
            .sorted(Comparator.comparingInt(s -> Integer.parseInt(s.displayName().substring(1))))
            .toList();
    List<Double> gaps = new ArrayList<>();
    for (int i = 0; i + 1 < steps.size(); i++) {
      Path ended =
          plane
              .localPods()
              .orElseThrow()
              .podDir(wf, steps.get(i).podName())
              .resolve("state/main/exit");
      Path next =
          plane
              .localPods()
              .orElseThrow()
              .podDir(wf, steps.get(i + 1).podName())
              .resolve("state/main/started");
      long nanos =
          Files.getLastModifiedTime(next).to(java.util.concurrent.TimeUnit.NANOSECONDS)
              - Files.getLastModifiedTime(ended).to(java.util.concurrent.TimeUnit.NANOSECONDS);
      gaps.add(nanos / 1e6);
    }
    return gaps;
  }
}
