package dev.weft.engine.rerun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.engine.Pod;
import dev.weft.engine.Simulation;
import dev.weft.model.Workflow;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResubmitTest {
  private static final String WF =
      """
      spec:
        entrypoint: main
        shutdown: Stop
        templates:
        - name: main
          steps:
          - - {name: a, template: work}
          - - {name: b, template: work}
        - name: work
          container: {image: alpine, command: [echo, hi]}
      """;

  @Test
  void aResubmittedWorkflowIsNewAndLabelledWithItsOrigin() {
    Workflow old = Simulation.of(WF).run().workflow();

    Workflow fresh = Resubmit.of(old, false, Map.of(), "abcde");

    assertThat(fresh.metadata().name()).isNull();
    assertThat(fresh.metadata().generateName()).isEqualTo("wf-");
    assertThat(fresh.metadata().labels()).containsEntry(Resubmit.FROM_LABEL, "wf");
    assertThat(fresh.status()).isNull();
    assertThat(fresh.spec().shutdown()).isNull();
  }

  @Test
  void aResubmitKeepsTheLabelsButTheCreatorAndRunStateOnesAsArgos() {
    Workflow done = Simulation.of(WF).run().workflow();
    Workflow old =
        done.withMetadata(
            done.metadata()
                .withLabels(
                    Map.of(
                        "team", "a",
                        "workflows.argoproj.io/workflow-template", "tmpl",
                        "workflows.argoproj.io/creator", "someone",
                        "workflows.argoproj.io/phase", "Succeeded",
                        "workflows.argoproj.io/completed", "true")));

    Workflow fresh = Resubmit.of(old, false, Map.of(), "abcde");

    assertThat(fresh.metadata().labels())
        .containsEntry("team", "a")
        .containsEntry("workflows.argoproj.io/workflow-template", "tmpl")
        .containsEntry(Resubmit.FROM_LABEL, "wf")
        .doesNotContainKeys(
            "workflows.argoproj.io/creator",
            "workflows.argoproj.io/phase",
            "workflows.argoproj.io/completed");
  }

  @Test
  void aMemoizedResubmitCarriesSucceededPodsOverAsSkipped() {
    String running = WF.replace("  shutdown: Stop\n", "");
    Workflow old = Simulation.of(running).pod("b", Pod.fail(1)).run().workflow();

    Workflow fresh = Resubmit.of(old, true, Map.of(), "abcde");
    Simulation sim = Simulation.of(running).replace(w -> fresh).run();

    assertThat(fresh.metadata().name()).isEqualTo("wf-abcde");
    assertThat(sim.node("a").phase().label()).isEqualTo("Skipped");
    assertThat(sim.node("a").message()).startsWith("original pod: ");
    assertThat(sim.podsRun()).containsExactly("wf-abcde[1].b");
    assertThat(sim.workflowPhase()).isEqualTo("Succeeded");
  }

  @Test
  void aMemoizedResubmitNeedsAFailedWorkflow() {
    Workflow old = Simulation.of(WF.replace("  shutdown: Stop\n", "")).run().workflow();

    assertThatThrownBy(() -> Resubmit.of(old, true, Map.of(), "abcde"))
        .isInstanceOf(IllegalStateException.class);
  }
}
