package dev.weft.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.status.NodePhase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LimitsTest {
  @Test
  void aTemplateCallingItselfEndsAtArgosDepthWithArgosMessage() {
    Simulation sim =
        Simulation.of(
                """
                spec:
                  entrypoint: main
                  templates:
                  - name: main
                    steps:
                    - - {name: again, template: main}
                """)
            .run();

    assertThat(sim.completed()).isTrue();
    assertThat(sim.workflowPhase()).isIn("Failed", "Error");
    var deepest =
        sim.status().nodes().values().stream().filter(n -> n.phase() == NodePhase.ERROR).toList();
    assertThat(deepest).hasSize(1);
    assertThat(deepest.get(0).message()).isEqualTo(Limits.MAX_DEPTH_MESSAGE);
    assertThat(sim.podsRun()).isEmpty();
  }

  @Test
  void mutualRecursionThroughADagAlsoStops() {
    Simulation sim =
        Simulation.of(
                """
                spec:
                  entrypoint: a
                  templates:
                  - name: a
                    dag:
                      tasks:
                      - {name: b, template: b}
                  - name: b
                    steps:
                    - - {name: a, template: a}
                """)
            .run();

    assertThat(sim.completed()).isTrue();
    assertThat(sim.workflowPhase()).isIn("Failed", "Error");
    assertThat(sim.status().nodes().values())
        .anyMatch(n -> Limits.MAX_DEPTH_MESSAGE.equals(n.message()));
  }

  @Test
  void recursionThatStopsBelowTheDepthRunsToTheEnd() {
    Simulation sim =
        Simulation.of(
                """
                spec:
                  entrypoint: main
                  arguments: {parameters: [{name: n, value: "0"}]}
                  templates:
                  - name: main
                    inputs: {parameters: [{name: n}]}
                    steps:
                    - - name: again
                        template: main
                        when: "{{inputs.parameters.n}} < 30"
                        arguments:
                          parameters: [{name: n, value: "{{=asInt(inputs.parameters.n) + 1}}"}]
                """)
            .run();

    assertThat(sim.workflowPhase()).isEqualTo("Succeeded");
  }

  /** A looping step whose loop is given by the YAML fragment, under a cap of 100 items. */
  private static Simulation loop(String loopYaml) {
    return Simulation.of(
            """
            spec:
              entrypoint: main
              templates:
              - name: main
                steps:
                - - {name: gen, template: echo}
                - - name: say
                    template: echo
                    %s
              - name: echo
                container: {image: alpine}
            """
                .formatted(loopYaml))
        .limits(new Limits(100, 0, 1000));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiterString = " => ",
      value = {
        "withSequence: {count: '1000000'} => loop expands to 1000000 items",
        "withSequence: {start: '1', end: '1000000000000000000'} => loop expands to"
            + " 1000000000000000000 items",
        "withSequence: {start: '0', end: '-101'} => loop expands to 102 items",
        "withParam: '{{steps.gen.outputs.result}}' => loop expands to 101 items",
      })
  void aLoopOverTheCapErrorsTheStepAtOnce(String loopYaml, String message) {
    StringBuilder json = new StringBuilder("[0");
    for (int i = 1; i <= 100; i++) json.append(',').append(i);
    Simulation sim = loop(loopYaml).pod("gen", Pod.ok(json.append(']').toString())).run();

    assertThat(sim.phaseOf("wf[1].say")).isEqualTo("Error");
    assertThat(sim.messageOf("wf[1].say"))
        .startsWith(message)
        .contains("more than the limit of 100 items per loop");
    assertThat(sim.podsRun()).containsExactly("wf[0].gen");
    assertThat(sim.workflowPhase()).isIn("Failed", "Error");
  }

  @Test
  void aLoopAtTheCapRuns() {
    Simulation sim = loop("withSequence: {count: '100'}").run();

    assertThat(sim.podsRun()).hasSize(101);
    assertThat(sim.workflowPhase()).isEqualTo("Succeeded");
  }

  @Test
  void aDagLoopOverTheCapErrorsTheTask() {
    Simulation sim =
        Simulation.of(
                """
                spec:
                  entrypoint: main
                  templates:
                  - name: main
                    dag:
                      tasks:
                      - {name: fan, template: echo, withSequence: {count: '1000000'}}
                  - name: echo
                    container: {image: alpine}
                """)
            .run();

    assertThat(sim.phaseOf("wf.fan")).isEqualTo("Error");
    assertThat(sim.messageOf("wf.fan")).startsWith("loop expands to 1000000 items");
    assertThat(sim.podsRun()).isEmpty();
  }

  @Test
  void theDefaultParallelismBoundsPodsOfAWorkflowWithoutItsOwn() {
    Simulation sim = loop("withSequence: {count: '40'}").limits(new Limits(100, 4, 1000)).run();

    assertThat(sim.maxConcurrentPods()).isEqualTo(4);
    assertThat(sim.workflowPhase()).isEqualTo("Succeeded");
  }

  @Test
  void aWorkflowsOwnParallelismOverridesTheDefault() {
    Simulation sim =
        loop("withSequence: {count: '40'}")
            .limits(new Limits(100, 4, 1000))
            .spec("parallelism", 10)
            .run();

    assertThat(sim.maxConcurrentPods()).isEqualTo(10);
  }

  @Test
  void expressionsOfGigabytesErrorTheirStepsAndTheWorkflowEnds() {
    Simulation sim =
        Simulation.of(
                """
                spec:
                  entrypoint: main
                  templates:
                  - name: main
                    steps:
                    - - {name: gen, template: echo, arguments: {parameters: [{name: v, value: x}]}}
                    - - name: args
                        template: echo
                        arguments:
                          parameters:
                          - {name: v, value: "{{= sprig.repeat(2000000000, steps.gen.outputs.result) }}"}
                      - name: guard
                        template: echo
                        arguments: {parameters: [{name: v, value: x}]}
                        when: "'{{= reduce(1..40, #acc + #acc, steps.gen.outputs.result) }}' == x"
                      - name: loop
                        template: echo
                        arguments: {parameters: [{name: v, value: "{{item}}"}]}
                        withParam: "{{= toJson(1..(2000000000 + len(steps.gen.outputs.result))) }}"
                  - name: echo
                    inputs: {parameters: [{name: v}]}
                    container: {image: alpine, args: ["{{inputs.parameters.v}}"]}
                """)
            .pod("gen", Pod.ok("x"))
            .run();

    assertThat(sim.phaseOf("wf[1].args")).isEqualTo("Error");
    assertThat(sim.messageOf("wf[1].args")).contains("repeat would build a value of 2000000000");
    assertThat(sim.phaseOf("wf[1].guard")).isEqualTo("Error");
    assertThat(sim.messageOf("wf[1].guard")).contains("more than the limit");
    assertThat(sim.phaseOf("wf[1].loop")).isEqualTo("Error");
    assertThat(sim.messageOf("wf[1].loop")).contains("more than the limit");
    assertThat(sim.podsRun()).containsExactly("wf[0].gen");
    assertThat(sim.workflowPhase()).isIn("Failed", "Error");
  }

  @Test
  void aTemplateCallingItselfTwiceStopsAtTheNodeLimit() {
    Simulation sim =
        Simulation.of(
                """
                spec:
                  entrypoint: main
                  templates:
                  - name: main
                    steps:
                    - - {name: again, template: main}
                      - {name: twice, template: main}
                """)
            .limits(new Limits(100, 0, 500))
            .run();

    assertThat(sim.completed()).isTrue();
    assertThat(sim.workflowPhase()).isIn("Failed", "Error");
    assertThat(sim.status().nodes()).hasSizeLessThan(600);
    assertThat(sim.status().nodes().values())
        .anyMatch(n -> new Limits(100, 0, 500).maxNodesMessage().equals(n.message()));
  }

  @Test
  void nestedLoopsPastTheNodeLimitErrTheLoopInsteadOfGrowing() {
    Limits limits = new Limits(100, 0, 500);
    Simulation sim =
        Simulation.of(
                """
                spec:
                  entrypoint: main
                  templates:
                  - name: main
                    steps:
                    - - {name: outer, template: inner, withSequence: {count: "60"}}
                  - name: inner
                    steps:
                    - - {name: leaf, template: leaf, withSequence: {count: "60"}}
                  - name: leaf
                    container: {image: alpine, command: [true]}
                """)
            .limits(limits)
            .run();

    assertThat(sim.completed()).isTrue();
    assertThat(sim.workflowPhase()).isIn("Failed", "Error");
    assertThat(sim.status().nodes()).hasSizeLessThan(limits.maxNodes() + 100);
    assertThat(sim.status().nodes().values())
        .anyMatch(n -> limits.maxNodesMessage().equals(n.message()));
  }

  @Test
  void aDagLoopPastTheNodeLimitErrsTheTask() {
    Limits limits = new Limits(1000, 0, 50);
    Simulation sim =
        Simulation.of(
                """
                spec:
                  entrypoint: main
                  templates:
                  - name: main
                    dag:
                      tasks:
                      - {name: many, template: leaf, withSequence: {count: "100"}}
                  - name: leaf
                    container: {image: alpine, command: [true]}
                """)
            .limits(limits)
            .run();

    assertThat(sim.workflowPhase()).isIn("Failed", "Error");
    assertThat(sim.status().nodes()).hasSizeLessThan(10);
  }
}
