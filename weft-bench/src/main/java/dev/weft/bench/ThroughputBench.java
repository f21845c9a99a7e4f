package dev.weft.bench;

import dev.weft.model.Workflow;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Throughput of the embedded server: N one-step workflows (a sandboxed `true` each) POSTed at once
 * to a `weft server` process on its SQLite store; workflows per second from the first request to
 * the last completion, as a share of the rate at which a shell spawns the same sandboxed `true` 8
 * at a time in the same run; the time to drain, and the server's peak RSS.
 */
final class ThroughputBench {
  private static final String SECTION = "throughput";
  private static final int SHELL_PARALLELISM = 8;
  private final Sizes sizes;
  private final Path work;
  private final Path root;

  ThroughputBench(Sizes sizes, Path work, Path root) {
    this.sizes = sizes;
    this.work = work;
    this.root = root;
  }

  void run(Report report) throws Exception {
    int n = sizes.throughputWorkflows();
    double rate;
    try (ServerChild server = new ServerChild(root, work.resolve("throughput"))) {
      long t0 = System.nanoTime();
      List<Workflow> workflows = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        workflows.add(Shapes.decode(Shapes.chain(String.format("tp-%05d", i), 1)));
      }
      server.submitAll(workflows);
      double submitted = Stats.millis(System.nanoTime() - t0);
      server.awaitCompleted(n, Duration.ofMillis(500), Duration.ofMinutes(30));
      double drain = Stats.millis(System.nanoTime() - t0);
      rate = n / (drain / 1000);
      report.add(
          Figure.of(SECTION, n + " one-step workflows: all submitted after", submitted, "ms"));
      report.add(Figure.of(SECTION, n + " one-step workflows: drained after", drain / 1000, "s"));
      report.add(Figure.of(SECTION, "workflows per second, submit to drain", rate, "wf/s"));
      report.add(Figure.atMost(SECTION, "server peak RSS", server.peakRssMb(), "MB", 256));
    }
    double shell =
        n / (new ShellBaseline(work.resolve("throughput")).atATime(n, SHELL_PARALLELISM) / 1000);
    report.add(
        Figure.of(
            SECTION,
            "shell spawning the same sandboxed true, " + SHELL_PARALLELISM + " at a time",
            shell,
            "runs/s"));
    report.add(
        Figure.atLeast(
            SECTION,
            "weft server's workflows/s as a share of the shell's rate",
            100 * rate / shell,
            "%",
            70));
  }
}
