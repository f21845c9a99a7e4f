package dev.weft.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;

/**
 * The memo one reconcile leaves for the next changes nothing: threaded through whole simulated runs
 * (random steps and DAGs with loops, retries, when, depends, exit hooks, suspends and resumes,
 * stops, deadlines, parallelism), every reconcile gives the same status, actions and wake-up as the
 * same reconcile without it, and unchanged nodes keep their instances.
 */
class EngineMemoPropertiesTest {

  @Property(tries = 200)
  void aReconcileWithTheMemoDecidesAsOneWithout(@ForAll long seed) {
    RandomWorkflows random = new RandomWorkflows(seed);
    String yaml = random.workflow();
    Simulation sim = random.pods(Simulation.of(yaml)).checkingMemo().maxIterations(2000);
    int at = random.interventionAt();
    String what = random.intervention();

    if (at > 0) {
      sim.runUntil(s -> s.history().size() >= at);
      if (!sim.completed()) {
        if (what.equals("resume")) sim.resume(null, Map.of());
        else sim.shutdown(what);
      }
    }
    sim.run();
    if (!sim.completed()) {
      sim.resume(null, Map.of());
      sim.run();
    }

    Statistics.collect(sim.memoUses() > 0 ? "memo used" : "memo never applied");
    assertThat(sim.history()).as(yaml).isNotEmpty();
  }

  @Property(tries = 30)
  void aLongChainReusesTheMemoOnEveryReconcileAfterTheFirst(@ForAll long seed) {
    StringBuilder yaml = new StringBuilder("spec:\n  entrypoint: main\n  templates:\n");
    yaml.append("  - name: main\n    steps:\n");
    int n = 10 + (int) Math.floorMod(seed, 30);
    for (int i = 0; i < n; i++) {
      yaml.append("    - - {name: s").append(i).append(", template: work");
      if (i > 0) {
        yaml.append(", arguments: {parameters: [{name: m, value: \"{{steps.s")
            .append(i - 1)
            .append(".outputs.result}}\"}]}");
      }
      yaml.append("}\n");
    }
    yaml.append(
        "  - name: work\n    inputs: {parameters: [{name: m, default: x}]}\n"
            + "    container: {image: alpine, args: [\"{{inputs.parameters.m}}\"]}\n");
    Simulation sim = Simulation.of(yaml.toString()).pod("work", Pod.ok("r")).checkingMemo();

    sim.run();

    assertThat(sim.workflowPhase()).isEqualTo("Succeeded");
    assertThat(sim.memoUses()).isEqualTo(sim.history().size() - 1);
  }
}
