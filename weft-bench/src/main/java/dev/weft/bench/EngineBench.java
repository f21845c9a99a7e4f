package dev.weft.bench;

import dev.weft.engine.Engine;
import dev.weft.engine.EngineMemo;
import dev.weft.engine.Library;
import dev.weft.engine.Reconciliation;
import dev.weft.engine.action.Action;
import dev.weft.engine.event.Event;
import dev.weft.model.Workflow;
import dev.weft.model.spec.Outputs;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The engine alone: reconciles a workflow until it completes, every pod it asks for finishing at
 * once (started and succeeded in the next reconcile), and sums the time spent in {@code
 * Engine.reconcile}. No store, executor or threads: this is the engine's own cost.
 */
final class EngineBench {
  private static final String SECTION = "engine";
  private final Sizes sizes;

  EngineBench(Sizes sizes) {
    this.sizes = sizes;
  }

  /** What one run of a shape cost. */
  record Cost(double millis, int reconciles, int pods) {}

  void run(Report report) {
    // Warm the JIT on the smaller shapes first; their measured runs come after.
    drive(Shapes.decode(Shapes.chain("warm", Math.min(200, sizes.chain()))));
    drive(Shapes.decode(Shapes.mixedDag("warm", Math.min(500, sizes.dagSmall()), 7)));

    Cost chain = drive(Shapes.decode(Shapes.chain("chain", sizes.chain())));
    report.add(
        Figure.of(SECTION, sizes.chain() + "-step chain: engine time", chain.millis(), "ms"));
    report.add(
        Figure.of(
            SECTION, sizes.chain() + "-step chain: per step", chain.millis() / chain.pods(), "ms"));
    Cost fan = drive(Shapes.decode(Shapes.fanOut("fan", sizes.fanOut())));
    report.add(
        Figure.of(
            SECTION, sizes.fanOut() + "-wide fan-out/fan-in: engine time", fan.millis(), "ms"));
    Cost small = median(Shapes.decode(Shapes.mixedDag("dag", sizes.dagSmall(), 42)), 5);
    report.add(
        Figure.of(
            SECTION,
            sizes.dagSmall()
                + "-node mixed DAG: engine time, median of 5 ("
                + small.reconciles()
                + " reconciles)",
            small.millis(),
            "ms"));
    Cost large = median(Shapes.decode(Shapes.mixedDag("dag", sizes.dagLarge(), 42)), 3);
    report.add(
        Figure.atMost(
            SECTION,
            sizes.dagLarge()
                + "-node mixed DAG: engine time, median of 3 ("
                + large.reconciles()
                + " reconciles)",
            large.millis() / 1000,
            "s",
            2.0));
    report.add(
        Figure.atMost(
            SECTION,
            "cost ratio " + sizes.dagLarge() + "-node / " + sizes.dagSmall() + "-node DAG",
            large.millis() / small.millis(),
            "x",
            11.0));
  }

  /** The run of median engine time among {@code runs} runs of the same workflow. */
  static Cost median(Workflow wf, int runs) {
    List<Cost> costs = new ArrayList<>();
    for (int i = 0; i < runs; i++) costs.add(drive(wf));
    costs.sort(java.util.Comparator.comparingDouble(Cost::millis));
    return costs.get(costs.size() / 2);
  }

  static Cost drive(Workflow wf) {
    Engine engine = new Engine();
    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    List<Event> events = List.of();
    // threaded as the controller does: the memo goes back with exactly the status it came with
    EngineMemo memo = EngineMemo.NONE;
    long nanos = 0;
    int reconciles = 0;
    int pods = 0;
    while (true) {
      long t0 = System.nanoTime();
      Reconciliation r = engine.reconcile(wf, Library.EMPTY, events, now, memo);
      nanos += System.nanoTime() - t0;
      reconciles++;
      wf = wf.withStatus(r.status());
      memo = r.memo();
      if (r.completed()) return new Cost(Stats.millis(nanos), reconciles, pods);
      List<Event> next = new ArrayList<>();
      for (Action a : r.actions()) {
        if (a instanceof Action.RunPod run) {
          pods++;
          next.add(new Event.PodStarted(run.nodeId(), now));
          next.add(
              new Event.PodFinished(
                  run.nodeId(),
                  0,
                  Optional.empty(),
                  new Outputs(null, null, null, null),
                  now,
                  now));
        }
      }
      if (next.isEmpty()) throw new IllegalStateException(wf.name() + " is stuck: nothing to run");
      events = next;
      now = now.plusMillis(1);
    }
  }
}
