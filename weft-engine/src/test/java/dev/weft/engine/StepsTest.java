package dev.weft.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.status.NodeType;
import org.junit.jupiter.api.Test;

class StepsTest {
  private static final String TWO_GROUPS =
      """
      spec:
        entrypoint: main
        templates:
        - name: main
          steps:
          - - {name: a, template: echo}
            - {name: b, template: echo}
          - - {name: c, template: echo}
        - name: echo
          container: {image: alpine}
      """;

  @Test
  void nodesAreNamedAsArgoNamesThem() {
    Simulation sim = Simulation.of(TWO_GROUPS).run();

    assertThat(sim.nodeNames())
        .containsExactlyInAnyOrder("wf", "wf[0]", "wf[0].a", "wf[0].b", "wf[1]", "wf[1].c");
    assertThat(sim.node("wf").type()).isEqualTo(NodeType.Steps);
    assertThat(sim.node("wf[0]").type()).isEqualTo(NodeType.StepGroup);
    assertThat(sim.node("wf[0].a").type()).isEqualTo(NodeType.Pod);
  }

  @Test
  void stepDisplayNameIsTheStepName() {
    Simulation sim = Simulation.of(TWO_GROUPS).run();

    assertThat(sim.node("wf[0].a").displayName()).isEqualTo("a");
    assertThat(sim.node("wf[1].c").displayName()).isEqualTo("c");
  }

  @Test
  void allStepsSucceedingMakesWorkflowSucceed() {
    Simulation sim = Simulation.of(TWO_GROUPS).run();

    assertThat(sim.workflowPhase()).isEqualTo("Succeeded");
    for (String n : sim.nodeNames()) assertThat(sim.phaseOf(n)).as(n).isEqualTo("Succeeded");
  }

  @Test
  void stepsOfAGroupRunInParallel() {
    Simulation sim = Simulation.of(TWO_GROUPS).run();

    assertThat(sim.overlapped("a", "b")).isTrue();
  }

  @Test
  void nextGroupStartsOnlyAfterPreviousGroupFinished() {
    Simulation sim =
        Simulation.of(TWO_GROUPS)
            .pod("b", Pod.ok().runningFor(java.time.Duration.ofSeconds(5)))
            .run();

    var c = sim.podOf("c");
    assertThat(c.startedAt).isAfterOrEqualTo(sim.podOf("a").endedAt());
    assertThat(c.startedAt).isAfterOrEqualTo(sim.podOf("b").endedAt());
    assertThat(sim.podsRun().indexOf("wf[1].c")).isEqualTo(2);
  }

  @Test
  void stepsTemplateIsChildOfGroupWhichIsChildOfSteps() {
    Simulation sim = Simulation.of(TWO_GROUPS).run();

    assertThat(sim.node("wf").children())
        .containsExactly(sim.node("wf[0]").id(), sim.node("wf[1]").id());
    assertThat(sim.node("wf[0]").children())
        .containsExactlyInAnyOrder(sim.node("wf[0].a").id(), sim.node("wf[0].b").id());
    assertThat(sim.node("wf[0].a").boundaryID()).isEqualTo("wf");
  }

  @Test
  void failingStepFailsItsGroupNamingTheChild() {
    Simulation sim = Simulation.of(TWO_GROUPS).pod("a", Pod.fail(1)).run();

    assertThat(sim.phaseOf("wf[0]")).isEqualTo("Failed");
    assertThat(sim.messageOf("wf[0]")).isEqualTo("child '" + sim.node("wf[0].a").id() + "' failed");
  }

  @Test
  void failingStepFailsStepsNodeAndWorkflow() {
    Simulation sim = Simulation.of(TWO_GROUPS).pod("a", Pod.fail(1)).run();

    String expected = "child '" + sim.node("wf[0].a").id() + "' failed";
    assertThat(sim.phaseOf("wf")).isEqualTo("Failed");
    assertThat(sim.messageOf("wf")).isEqualTo(expected);
    assertThat(sim.workflowPhase()).isEqualTo("Failed");
    assertThat(sim.workflowMessage()).isEqualTo(expected);
  }

  @Test
  void failingStepStopsLaterGroups() {
    Simulation sim = Simulation.of(TWO_GROUPS).pod("a", Pod.fail(1)).run();

    assertThat(sim.podsRun()).doesNotContain("wf[1].c");
    assertThat(sim.find("wf[1]")).isEmpty();
  }

  @Test
  void siblingOfFailingStepStillCompletes() {
    Simulation sim = Simulation.of(TWO_GROUPS).pod("a", Pod.fail(1)).run();

    assertThat(sim.phaseOf("wf[0].b")).isEqualTo("Succeeded");
  }

  @Test
  void continueOnFailedLetsTheStepsContinue() {
    Simulation sim =
        Simulation.of(
                TWO_GROUPS.replace(
                    "{name: a, template: echo}",
                    "{name: a, template: echo, continueOn: {failed: true}}"))
            .pod("a", Pod.fail(1))
            .run();

    assertThat(sim.phaseOf("wf[0].a")).isEqualTo("Failed");
    assertThat(sim.phaseOf("wf[0]")).isEqualTo("Succeeded");
    assertThat(sim.phaseOf("wf[1].c")).isEqualTo("Succeeded");
    assertThat(sim.workflowPhase()).isEqualTo("Succeeded");
  }

  @Test
  void continueOnFailedDoesNotCoverErrors() {
    Simulation sim =
        Simulation.of(
                TWO_GROUPS.replace(
                    "{name: a, template: echo}",
                    "{name: a, template: echo, continueOn: {failed: true}}"))
            .pod("a", Pod.error("could not start"))
            .run();

    assertThat(sim.phaseOf("wf[0]")).isEqualTo("Failed");
    assertThat(sim.workflowPhase()).isEqualTo("Failed");
  }

  @Test
  void nestedStepsTemplateRunsInsideTheOuterStep() {
    Simulation sim =
        Simulation.of(
                """
                spec:
                  entrypoint: main
                  templates:
                  - name: main
                    steps:
                    - - {name: outer, template: inner}
                  - name: inner
                    steps:
                    - - {name: leaf, template: echo}
                  - name: echo
                    container: {image: alpine}
                """)
            .run();

    assertThat(sim.nodeNames())
        .containsExactly("wf", "wf[0]", "wf[0].outer", "wf[0].outer[0]", "wf[0].outer[0].leaf");
    assertThat(sim.node("wf[0].outer[0].leaf").boundaryID())
        .isEqualTo(sim.node("wf[0].outer").id());
    assertThat(sim.workflowPhase()).isEqualTo("Succeeded");
  }
}
