package dev.weft.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.status.NodeType;
import org.junit.jupiter.api.Test;

class ContainerTest {
  private static final String WF =
      """
      spec:
        entrypoint: main
        templates:
        - name: main
          container: {image: alpine, command: [echo], args: [hi]}
      """;

  @Test
  void succeedingPodMakesRootNodeAndWorkflowSucceed() {
    Simulation sim = Simulation.of(WF).run();

    assertThat(sim.workflowPhase()).isEqualTo("Succeeded");
    assertThat(sim.nodeNames()).containsExactly("wf");
    assertThat(sim.node("wf").type()).isEqualTo(NodeType.Pod);
    assertThat(sim.phaseOf("wf")).isEqualTo("Succeeded");
    assertThat(sim.podsRun()).containsExactly("wf");
  }

  @Test
  void rootPodIsNamedAfterTheWorkflow() {
    Simulation sim = Simulation.of(WF).run();

    assertThat(sim.podOf("wf").action.podName()).isEqualTo("wf");
    assertThat(sim.node("wf").podName()).isEqualTo("wf");
  }

  @Test
  void failingPodFailsNodeWithExitCodeMessage() {
    Simulation sim = Simulation.of(WF).pod("main", Pod.fail(1)).run();

    assertThat(sim.phaseOf("wf")).isEqualTo("Failed");
    assertThat(sim.messageOf("wf")).isEqualTo("Error (exit code 1)");
  }

  @Test
  void failingPodFailsWorkflowWithItsMessage() {
    Simulation sim = Simulation.of(WF).pod("main", Pod.fail(1)).run();

    assertThat(sim.workflowPhase()).isEqualTo("Failed");
    assertThat(sim.workflowMessage()).isEqualTo("Error (exit code 1)");
  }

  @Test
  void podErrorMakesNodeAndWorkflowError() {
    Simulation sim = Simulation.of(WF).pod("main", Pod.error("pod deleted")).run();

    assertThat(sim.phaseOf("wf")).isEqualTo("Error");
    assertThat(sim.messageOf("wf")).isEqualTo("pod deleted");
    assertThat(sim.workflowPhase()).isEqualTo("Error");
  }

  @Test
  void workflowIsRunningWhileThePodRuns() {
    Simulation sim = Simulation.of(WF).pod("main", Pod.hang()).run();

    assertThat(sim.workflowPhase()).isEqualTo("Running");
    assertThat(sim.phaseOf("wf")).isEqualTo("Running");
  }

  @Test
  void completedWorkflowIsLeftAlone() {
    Simulation sim = Simulation.of(WF).run();
    int pods = sim.podsRun().size();

    Reconciliation again = sim.step();

    assertThat(again.actions()).isEmpty();
    assertThat(again.status()).isEqualTo(sim.status());
    assertThat(sim.podsRun()).hasSize(pods);
  }

  @Test
  void missingEntrypointTemplateErrorsTheWorkflow() {
    Simulation sim =
        Simulation.of(
                """
                spec:
                  entrypoint: nope
                  templates:
                  - name: main
                    container: {image: alpine}
                """)
            .run();

    assertThat(sim.workflowPhase()).isIn("Error", "Failed");
    assertThat(sim.podsRun()).isEmpty();
  }
}
