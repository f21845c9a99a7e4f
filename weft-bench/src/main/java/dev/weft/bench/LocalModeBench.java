package dev.weft.bench;

import dev.weft.controller.ControlPlane;
import dev.weft.model.Workflow;
import java.nio.file.Path;
import java.time.Duration;
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
      ShellBaseline baseline = new ShellBaseline(dir);
      double shell = baseline.sequential(n);
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
      List<Double> gaps = new ShimGaps(dir).gaps(chain, ShimGaps.chain(n));
      report.add(Figure.atMost(SECTION, "step-to-step latency p50", Stats.median(gaps), "ms", 5));
      report.add(
          Figure.atMost(SECTION, "step-to-step latency p99", Stats.percentile(gaps, 99), "ms", 20));

      int m = sizes.localFanOut();
      t0 = System.nanoTime();
      Planes.run(plane, Shapes.decode(Shapes.parallel("fan", m)), Duration.ofMinutes(10));
      double weftFan = Stats.millis(System.nanoTime() - t0);
      double shellFan = baseline.allAtOnce(m);
      report.add(Figure.of(SECTION, m + " parallel steps: weft", weftFan, "ms"));
      report.add(
          Figure.of(SECTION, m + " parallel steps: shell, all spawned at once", shellFan, "ms"));
      report.add(
          Figure.of(SECTION, m + " parallel steps: ratio weft / shell", weftFan / shellFan, "x"));
      report.add(Figure.of(SECTION, "overhead per parallel step", (weftFan - shellFan) / m, "ms"));
    }
  }
}
