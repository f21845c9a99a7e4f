package dev.weft.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExitHandlerTest {
  private static final String WITH_ON_EXIT =
      """
      spec:
        entrypoint: main
        onExit: exit
        templates:
        - name: main
          container: {image: alpine}
        - name: exit
          container: {image: alpine, args: ["{{workflow.status}}"]}
      """;

  @Test
  void exitHandlerRunsAfterTheWorkflowAsWfOnExit() {
    Simulation sim = Simulation.of(WITH_ON_EXIT).run();

    assertThat(sim.podsRun()).containsExactly("wf", "wf.onExit");
    assertThat(sim.podOf("wf.onExit").startedAt).isAfterOrEqualTo(sim.podOf("wf").endedAt());
    assertThat(sim.phaseOf("wf.onExit")).isEqualTo("Succeeded");
    assertThat(sim.workflowPhase()).isEqualTo("Succeeded");
  }

  @Test
  void exitHandlerSeesWorkflowStatusSucceeded() {
    Simulation sim = Simulation.of(WITH_ON_EXIT).run();

    assertThat(sim.argsOf("wf.onExit")).containsExactly("Succeeded");
  }

  @Test
  void exitHandlerRunsAfterFailureAndSeesFailed() {
    Simulation sim = Simulation.of(WITH_ON_EXIT).pod("main", Pod.fail(1)).run();

    assertThat(sim.argsOf("wf.onExit")).containsExactly("Failed");
  }

  @Test
  void successfulExitHandlerKeepsTheWorkflowFailed() {
    Simulation sim = Simulation.of(WITH_ON_EXIT).pod("main", Pod.fail(1)).run();

    assertThat(sim.phaseOf("wf.onExit")).isEqualTo("Succeeded");
    assertThat(sim.workflowPhase()).isEqualTo("Failed");
    assertThat(sim.workflowMessage()).isEqualTo("Error (exit code 1)");
  }

  @Test
  void workflowIsRunningWhileTheExitHandlerRuns() {
    Simulation sim = Simulation.of(WITH_ON_EXIT).pod("exit", Pod.hang()).run();

    assertThat(sim.phaseOf("wf")).isEqualTo("Succeeded");
    assertThat(sim.workflowPhase()).isEqualTo("Running");
  }

  @Test
  void failingExitHandlerFailsASucceededWorkflow() {
    Simulation sim = Simulation.of(WITH_ON_EXIT).pod("exit", Pod.fail(2)).run();

    assertThat(sim.phaseOf("wf")).isEqualTo("Succeeded");
    assertThat(sim.workflowPhase()).isEqualTo("Failed");
    assertThat(sim.workflowMessage()).isEqualTo("Error (exit code 2)");
  }

  private static final String STEP_HOOK =
      """
      spec:
        entrypoint: main
        templates:
        - name: main
          steps:
          - - name: a
              template: work
              %s
          - - {name: b, template: work}
        - name: work
          container: {image: alpine}
        - name: cleanup
          container: {image: alpine, args: ["{{steps.a.status}}"]}
      """;

  @Test
  void stepExitHookRunsAsStepNodeDotOnExit() {
    Simulation sim = Simulation.of(STEP_HOOK.formatted("hooks: {exit: {template: cleanup}}")).run();

    assertThat(sim.podsRun()).containsExactly("wf[0].a", "wf[0].a.onExit", "wf[1].b");
    assertThat(sim.phaseOf("wf[0].a.onExit")).isEqualTo("Succeeded");
  }

  @Test
  void stepWaitsForItsExitHookBeforeTheNextGroup() {
    Simulation sim =
        Simulation.of(STEP_HOOK.formatted("hooks: {exit: {template: cleanup}}"))
            .pod("cleanup", Pod.ok().runningFor(java.time.Duration.ofSeconds(30)))
            .run();

    assertThat(sim.podOf("b").startedAt).isAfterOrEqualTo(sim.podOf("wf[0].a.onExit").endedAt());
  }

  @Test
  void stepOnExitFieldWorksLikeTheExitHook() {
    Simulation sim = Simulation.of(STEP_HOOK.formatted("onExit: cleanup")).run();

    assertThat(sim.podsRun()).containsExactly("wf[0].a", "wf[0].a.onExit", "wf[1].b");
  }

  @Test
  void stepExitHookRunsAfterTheStepFailed() {
    Simulation sim =
        Simulation.of(STEP_HOOK.formatted("hooks: {exit: {template: cleanup}}"))
            .pod("work", Pod.fail(1))
            .run();

    assertThat(sim.phaseOf("wf[0].a.onExit")).isEqualTo("Succeeded");
    assertThat(sim.workflowPhase()).isEqualTo("Failed");
    assertThat(sim.podsRun()).doesNotContain("wf[1].b");
  }

  @Test
  void exitHookNodeIsAChildOfTheStepNode() {
    Simulation sim = Simulation.of(STEP_HOOK.formatted("hooks: {exit: {template: cleanup}}")).run();

    assertThat(sim.node("wf[0].a").children()).contains(sim.node("wf[0].a.onExit").id());
  }

  @Test
  void dagTaskExitHookRunsAsTaskNodeDotOnExit() {
    Simulation sim =
        Simulation.of(
                """
                spec:
                  entrypoint: main
                  templates:
                  - name: main
                    dag:
                      tasks:
                      - {name: A, template: work, hooks: {exit: {template: work}}}
                      - {name: B, template: work, dependencies: [A]}
                  - name: work
                    container: {image: alpine}
                """)
            .run();

    assertThat(sim.podsRun()).containsExactly("wf.A", "wf.A.onExit", "wf.B");
    assertThat(sim.workflowPhase()).isEqualTo("Succeeded");
  }
}
