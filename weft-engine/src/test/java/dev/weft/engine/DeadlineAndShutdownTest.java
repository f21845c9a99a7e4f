package dev.weft.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.engine.action.Action;
import org.junit.jupiter.api.Test;

class DeadlineAndShutdownTest {
  @Test
  void templateDeadlineKillsThePodAndFailsTheNode() {
    Simulation sim =
        Simulation.of(
                """
                spec:
                  entrypoint: main
                  templates:
                  - name: main
                    activeDeadlineSeconds: 10
                    container: {image: alpine}
                """)
            .pod("main", Pod.hang())
            .run();

    assertThat(sim.actions(Action.KillPod.class))
        .singleElement()
        .satisfies(k -> assertThat(k.podName()).isEqualTo("wf"));
    assertThat(sim.podOf("wf").endedAt()).isEqualTo(Simulation.T0.plusSeconds(10));
    assertThat(sim.phaseOf("wf")).isEqualTo("Failed");
    assertThat(sim.messageOf("wf"))
        .isEqualTo("Pod was active on the node longer than the specified deadline");
    assertThat(sim.workflowPhase()).isEqualTo("Failed");
  }

  @Test
  void podFinishingBeforeItsDeadlineIsNotKilled() {
    Simulation sim =
        Simulation.of(
                """
                spec:
                  entrypoint: main
                  templates:
                  - name: main
                    activeDeadlineSeconds: 10
                    container: {image: alpine}
                """)
            .run();

    assertThat(sim.actions(Action.KillPod.class)).isEmpty();
    assertThat(sim.workflowPhase()).isEqualTo("Succeeded");
  }

  private static final String LONG_STEPS =
      """
      spec:
        entrypoint: main
        onExit: exit
        %s
        templates:
        - name: main
          steps:
          - - {name: long, template: work}
          - - {name: next, template: work}
        - name: work
          container: {image: alpine}
        - name: exit
          container: {image: alpine}
      """;

  @Test
  void workflowDeadlineFailsTheWorkflowAndKillsRunningPods() {
    Simulation sim =
        Simulation.of(LONG_STEPS.formatted("activeDeadlineSeconds: 30"))
            .pod("long", Pod.hang())
            .run();

    assertThat(sim.actions(Action.KillPod.class)).hasSize(1);
    assertThat(sim.podOf("long").endedAt()).isEqualTo(Simulation.T0.plusSeconds(30));
    assertThat(sim.phaseOf("wf[0].long")).isEqualTo("Failed");
    assertThat(sim.messageOf("wf[0].long")).isEqualTo("Step exceeded its deadline");
    assertThat(sim.find("wf[1].next")).isEmpty();
    assertThat(sim.workflowPhase()).isEqualTo("Failed");
  }

  @Test
  void workflowDeadlineStillRunsTheExitHandler() {
    Simulation sim =
        Simulation.of(LONG_STEPS.formatted("activeDeadlineSeconds: 30"))
            .pod("long", Pod.hang())
            .run();

    assertThat(sim.phaseOf("wf.onExit")).isEqualTo("Succeeded");
  }

  @Test
  void stopKillsRunningPodsAndRunsTheExitHandler() {
    Simulation sim = Simulation.of(LONG_STEPS.formatted("")).pod("long", Pod.hang()).run();

    sim.shutdown("Stop").run();

    assertThat(sim.actions(Action.KillPod.class)).hasSize(1);
    assertThat(sim.phaseOf("wf[0].long")).isEqualTo("Failed");
    assertThat(sim.podsRun()).containsExactly("wf[0].long", "wf.onExit");
    assertThat(sim.workflowPhase()).isEqualTo("Failed");
    assertThat(sim.workflowMessage()).isEqualTo("Stopped with strategy 'Stop'");
  }

  @Test
  void terminateKillsRunningPodsWithoutTheExitHandler() {
    Simulation sim = Simulation.of(LONG_STEPS.formatted("")).pod("long", Pod.hang()).run();

    sim.shutdown("Terminate").run();

    assertThat(sim.actions(Action.KillPod.class)).hasSize(1);
    assertThat(sim.find("wf.onExit")).isEmpty();
    assertThat(sim.podsRun()).containsExactly("wf[0].long");
    assertThat(sim.workflowPhase()).isEqualTo("Failed");
    assertThat(sim.workflowMessage()).isEqualTo("Stopped with strategy 'Terminate'");
  }

  @Test
  void stopPreventsNewStepsFromStarting() {
    Simulation sim = Simulation.of(LONG_STEPS.formatted("")).pod("long", Pod.hang()).run();

    sim.shutdown("Stop").run();

    assertThat(sim.podsRun()).doesNotContain("wf[1].next");
  }
}
