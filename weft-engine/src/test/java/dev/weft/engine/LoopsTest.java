package dev.weft.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LoopsTest {
  /** A steps workflow whose looping step "say" (given by the YAML fragment) echoes its item. */
  private static Simulation loop(String loopYaml, String arg) {
    return Simulation.of(
        """
        spec:
          entrypoint: main
          templates:
          - name: main
            steps:
            - - {name: gen, template: echo}
            - - name: say
                template: show
                arguments:
                  parameters: [{name: v, value: "%s"}]
                %s
          - name: echo
            container: {image: alpine}
          - name: show
            inputs: {parameters: [{name: v}]}
            container: {image: alpine, args: ["{{inputs.parameters.v}}"]}
        """
            .formatted(arg, loopYaml));
  }

  @Test
  void withItemsScalarsRunOnePodPerItemNamedByIndexAndValue() {
    Simulation sim = loop("withItems: [a, b, c]", "{{item}}").run();

    assertThat(sim.podsRun())
        .containsExactly("wf[0].gen", "wf[1].say(0:a)", "wf[1].say(1:b)", "wf[1].say(2:c)");
    assertThat(sim.argsOf("wf[1].say(1:b)")).containsExactly("b");
    assertThat(sim.workflowPhase()).isEqualTo("Succeeded");
  }

  @Test
  void loopItemsRunInParallel() {
    Simulation sim = loop("withItems: [a, b]", "{{item}}").run();

    assertThat(sim.overlapped("wf[1].say(0:a)", "wf[1].say(1:b)")).isTrue();
  }

  @Test
  void loopItemDisplayNameKeepsTheItemLabel() {
    Simulation sim = loop("withItems: [a, b]", "{{item}}").run();

    assertThat(sim.node("wf[1].say(0:a)").displayName()).isEqualTo("say(0:a)");
  }

  @Test
  void withItemsNumbersAndBooleansAreLabelledAsJson() {
    Simulation sim = loop("withItems: [1, true]", "{{item}}").run();

    assertThat(sim.podsRun()).contains("wf[1].say(0:1)", "wf[1].say(1:true)");
    assertThat(sim.argsOf("wf[1].say(1:true)")).containsExactly("true");
  }

  @Test
  void withItemsMapsExposeFieldsAndSortedLabels() {
    Simulation sim =
        loop(
                "withItems: [{os: debian, ver: '9'}, {ver: '20', os: ubuntu}]",
                "{{item.os}}-{{item.ver}}")
            .run();

    assertThat(sim.podsRun())
        .contains("wf[1].say(0:os:debian,ver:9)", "wf[1].say(1:os:ubuntu,ver:20)");
    assertThat(sim.argsOf("wf[1].say(1:os:ubuntu,ver:20)")).containsExactly("ubuntu-20");
  }

  @Test
  void withParamIteratesOverAPreviousStepsJsonResult() {
    Simulation sim =
        loop("withParam: \"{{steps.gen.outputs.result}}\"", "{{item}}")
            .pod("gen", Pod.ok("[\"x\", \"y\"]"))
            .run();

    assertThat(sim.podsRun()).containsExactly("wf[0].gen", "wf[1].say(0:x)", "wf[1].say(1:y)");
    assertThat(sim.argsOf("wf[1].say(0:x)")).containsExactly("x");
  }

  @Test
  void withParamOfObjectsExposesTheirFields() {
    Simulation sim =
        loop("withParam: \"{{steps.gen.outputs.result}}\"", "{{item.id}}")
            .pod("gen", Pod.ok("[{\"id\": 7}]"))
            .run();

    assertThat(sim.podsRun()).contains("wf[1].say(0:id:7)");
    assertThat(sim.argsOf("wf[1].say(0:id:7)")).containsExactly("7");
  }

  @Test
  void emptyWithParamSkipsTheStep() {
    Simulation sim =
        loop("withParam: \"{{steps.gen.outputs.result}}\"", "{{item}}")
            .pod("gen", Pod.ok("[]"))
            .run();

    assertThat(sim.phaseOf("wf[1].say")).isEqualTo("Skipped");
    assertThat(sim.messageOf("wf[1].say")).isEqualTo("Skipped, empty params");
    assertThat(sim.workflowPhase()).isEqualTo("Succeeded");
  }

  @Test
  void emptyWithParamSkipsTheDagTaskAndItsDependentsRun() {
    Simulation sim =
        Simulation.of(
                """
                spec:
                  entrypoint: main
                  templates:
                  - name: main
                    dag:
                      tasks:
                      - {name: gen, template: echo}
                      - {name: each, template: echo, depends: gen, withParam: "{{tasks.gen.outputs.result}}"}
                      - {name: after, template: echo, depends: each}
                  - name: echo
                    container: {image: alpine}
                """)
            .pod("gen", Pod.ok("[]\n"))
            .run();

    assertThat(sim.phaseOf("wf.each")).isEqualTo("Skipped");
    assertThat(sim.messageOf("wf.each")).isEqualTo("Skipped, empty params");
    assertThat(sim.phaseOf("wf.after")).isEqualTo("Succeeded");
    assertThat(sim.workflowPhase()).isEqualTo("Succeeded");
  }

  @Test
  void withParamThatIsNotAJsonListErrorsTheStep() {
    Simulation sim =
        loop("withParam: \"{{steps.gen.outputs.result}}\"", "{{item}}")
            .pod("gen", Pod.ok("not json"))
            .run();

    assertThat(sim.phaseOf("wf[1].say")).isEqualTo("Error");
    assertThat(sim.workflowPhase()).isIn("Failed", "Error");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiterString = " => ",
      value = {
        "{count: '3'} => 0;1;2",
        "{start: '1', end: '3'} => 1;2;3",
        "{start: '5', count: '2'} => 5;6",
        "{start: '3', end: '1'} => 3;2;1",
        "{count: '2', format: 'f%02d'} => f00;f01",
      })
  void withSequenceGeneratesItems(String sequence, String expected) {
    Simulation sim = loop("withSequence: " + sequence, "{{item}}").run();

    String[] items = expected.split(";");
    for (int i = 0; i < items.length; i++) {
      String node = "wf[1].say(" + i + ":" + items[i] + ")";
      assertThat(sim.argsOf(node)).containsExactly(items[i]);
    }
    assertThat(sim.podsRun()).hasSize(items.length + 1);
  }

  @Test
  void loopedStepOutputsAggregateAsJsonList() {
    Simulation sim =
        Simulation.of(
                """
                spec:
                  entrypoint: main
                  templates:
                  - name: main
                    steps:
                    - - {name: gen, template: gen, withItems: [a, b]}
                    - - name: sum
                        template: show
                        arguments:
                          parameters:
                          - {name: p, value: "{{steps.gen.outputs.parameters.out}}"}
                          - {name: r, value: "{{steps.gen.outputs.result}}"}
                  - name: gen
                    inputs: {parameters: [{name: x, value: "{{item}}"}]}
                    container: {image: alpine}
                    outputs:
                      parameters: [{name: out, valueFrom: {path: /tmp/out}}]
                  - name: show
                    inputs: {parameters: [{name: p}, {name: r}]}
                    container: {image: alpine, args: ["{{inputs.parameters.p}}", "{{inputs.parameters.r}}"]}
                """)
            .pod("gen(0:a)", Pod.ok("ra").withParam("out", "A"))
            .pod("gen(1:b)", Pod.ok("rb").withParam("out", "B"))
            .run();

    assertThat(sim.argsOf("sum")).containsExactly("[\"A\",\"B\"]", "[\"ra\",\"rb\"]");
  }

  @Test
  void failingLoopItemFailsTheGroup() {
    Simulation sim = loop("withItems: [a, b]", "{{item}}").pod("say(1:b)", Pod.fail(2)).run();

    assertThat(sim.phaseOf("wf[1].say(0:a)")).isEqualTo("Succeeded");
    assertThat(sim.phaseOf("wf[1]")).isEqualTo("Failed");
    assertThat(sim.messageOf("wf[1]"))
        .isEqualTo("child '" + sim.node("wf[1].say(1:b)").id() + "' failed");
    assertThat(sim.workflowPhase()).isEqualTo("Failed");
  }
}
