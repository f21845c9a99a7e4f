package dev.weft.bench;

import dev.weft.model.Workflow;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * `weft server` under load: W workflows of S sandboxed {@code true} steps each, half chains and
 * half DAGs in layers of at most 4 tasks, POSTed at once; the step-to-step latency over all of them
 * (a step's start minus the latest exit among the steps it waited on) and the time to drain.
 */
final class MixedLoadBench {
  private static final String SECTION = "load";
  private static final int MAX_DAG_WIDTH = 4;
  private final Sizes sizes;
  private final Path work;
  private final Path root;

  MixedLoadBench(Sizes sizes, Path work, Path root) {
    this.sizes = sizes;
    this.work = work;
    this.root = root;
  }

  void run(Report report) throws Exception {
    int w = sizes.loadWorkflows();
    int steps = sizes.loadSteps();
    Map<String, Map<String, List<String>>> waitsOn = new LinkedHashMap<>();
    List<Workflow> workflows = new ArrayList<>();
    for (int i = 0; i < w; i++) {
      String name = String.format("load-%04d", i);
      if (i % 2 == 0) {
        workflows.add(Shapes.decode(Shapes.chain(name, steps)));
        waitsOn.put(name, ShimGaps.chain(steps));
      } else {
        Shapes.Dag dag = Shapes.layeredDag(name, steps, MAX_DAG_WIDTH, i);
        workflows.add(Shapes.decode(dag.yaml()));
        waitsOn.put(name, dag.waitsOn());
      }
    }
    try (ServerChild server = new ServerChild(root, work.resolve("load"))) {
      long t0 = System.nanoTime();
      server.submitAll(workflows);
      server.awaitCompleted(w, Duration.ofMillis(250), Duration.ofMinutes(30));
      double drain = Stats.millis(System.nanoTime() - t0);
      List<Double> gaps = new ArrayList<>();
      ShimGaps shims = new ShimGaps(server.dataDir());
      for (var entry : waitsOn.entrySet()) {
        gaps.addAll(shims.gaps(server.workflow(entry.getKey()), entry.getValue()));
      }
      String what = w + " workflows x " + steps + " steps (chains, DAGs <= 4 wide)";
      report.add(Figure.of(SECTION, what + ": drained after", drain / 1000, "s"));
      report.add(
          Figure.of(SECTION, what + ": steps per second", w * steps / (drain / 1000), "steps/s"));
      report.add(
          Figure.of(SECTION, "step-to-step latency under load p50", Stats.median(gaps), "ms"));
      report.add(
          Figure.of(
              SECTION, "step-to-step latency under load p99", Stats.percentile(gaps, 99), "ms"));
      report.add(Figure.of(SECTION, "server peak RSS", server.peakRssMb(), "MB"));
    }
  }
}
