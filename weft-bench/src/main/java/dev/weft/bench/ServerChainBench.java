package dev.weft.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * One long chain through `weft server` (a process of its own, SQLite with synchronous=FULL): N
 * sequential sandboxed {@code true} steps against a shell loop spawning the same sandboxed {@code
 * true} N times; the overhead per step, and the step-to-step latency from the shims' records.
 */
final class ServerChainBench {
  private static final String SECTION = "server";
  private static final Duration POLL = Duration.ofMillis(50);
  private final Sizes sizes;
  private final Path work;
  private final Path root;

  ServerChainBench(Sizes sizes, Path work, Path root) {
    this.sizes = sizes;
    this.work = work;
    this.root = root;
  }

  void run(Report report) throws Exception {
    int n = sizes.serverChainSteps();
    try (ServerChild server = new ServerChild(root, work.resolve("server"))) {
      server.submit(Shapes.decode(Shapes.chain("warm", 3)));
      server.awaitCompleted(1, POLL, Duration.ofMinutes(1));
      long t0 = System.nanoTime();
      server.submit(Shapes.decode(Shapes.chain("chain", n)));
      server.awaitCompleted(2, POLL, Duration.ofMinutes(30));
      double weft = Stats.millis(System.nanoTime() - t0);
      double shell = new ShellBaseline(server.dataDir()).sequential(n);
      report.add(Figure.of(SECTION, n + "-step chain through weft server", weft / 1000, "s"));
      report.add(
          Figure.of(SECTION, n + " sequential sandboxed true, shell loop", shell / 1000, "s"));
      report.add(
          Figure.atMost(
              SECTION, "overhead per step over the shell loop", (weft - shell) / n, "ms", 5));
      List<Double> gaps =
          new ShimGaps(server.dataDir()).gaps(server.workflow("chain"), ShimGaps.chain(n));
      report.add(Figure.atMost(SECTION, "step-to-step latency p50", Stats.median(gaps), "ms", 5));
      report.add(
          Figure.atMost(SECTION, "step-to-step latency p99", Stats.percentile(gaps, 99), "ms", 20));
      report.add(Figure.of(SECTION, "server peak RSS", server.peakRssMb(), "MB"));
    }
  }
}
