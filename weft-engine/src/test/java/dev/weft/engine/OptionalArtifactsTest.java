package dev.weft.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OptionalArtifactsTest {
  /** A steps template with an optional input {@code a} that it passes on to a pod as {@code x}. */
  private static Simulation passingOn(String childInput, String mainOutputs) {
    return Simulation.of(
            """
            spec:
              entrypoint: main
              templates:
              - name: main
                inputs:
                  artifacts: [{name: a, path: /tmp/a, optional: true}]
                %s
                steps:
                - - name: child
                    template: use
                    arguments:
                      artifacts: [{name: x, from: "{{inputs.artifacts.a}}"}]
              - name: use
                inputs:
                  artifacts: [%s]
                outputs:
                  artifacts: [{name: c, path: /tmp/c, optional: true}]
                container: {image: alpine}
            """
                .formatted(mainOutputs, childInput))
        .run();
  }

  @Test
  void anAbsentOptionalInputPassedOnWithFromIsAbsentInTheChild() {
    Simulation sim = passingOn("{name: x, path: /tmp/x, optional: true}", "");

    assertThat(sim.phaseOf("wf[0].child")).isEqualTo("Succeeded");
    assertThat(sim.podOf("wf[0].child").action.inputArtifacts()).isEmpty();
    assertThat(sim.workflowPhase()).isEqualTo("Succeeded");
  }

  @Test
  void anAbsentOptionalInputPassedToARequiredOneIsNotSupplied() {
    Simulation sim = passingOn("{name: x, path: /tmp/x}", "");

    assertThat(sim.phaseOf("wf[0].child")).isEqualTo("Error");
    assertThat(sim.messageOf("wf[0].child")).isEqualTo("inputs.artifacts.x was not supplied");
  }

  @Test
  void anOptionalOutputFromAnAbsentOneIsAbsent() {
    Simulation sim =
        passingOn(
            "{name: x, path: /tmp/x, optional: true}",
            "outputs: {artifacts: [{name: o, from: \"{{steps.child.outputs.artifacts.c}}\","
                + " optional: true}, {name: i, from: \"{{inputs.artifacts.a}}\", optional: true}]}");

    assertThat(sim.workflowPhase()).isEqualTo("Succeeded");
    assertThat(sim.node("wf").outputs().artifactsOrEmpty()).isEmpty();
  }
}
