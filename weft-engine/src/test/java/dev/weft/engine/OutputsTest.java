package dev.weft.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OutputsTest {
  private static final String PASS_ON =
      """
      spec:
        entrypoint: main
        templates:
        - name: main
          steps:
          - - {name: produce, template: produce}
          - - name: consume
              template: consume
              arguments:
                parameters:
                - {name: r, value: "{{steps.produce.outputs.result}}"}
                - {name: p, value: "{{steps.produce.outputs.parameters.colour}}"}
        - name: produce
          container: {image: alpine}
          outputs:
            parameters:
            - name: colour
              valueFrom: {path: /tmp/colour}
        - name: consume
          inputs:
            parameters:
            - {name: r}
            - {name: p}
          container:
            image: alpine
            args: ["{{inputs.parameters.r}}", "{{inputs.parameters.p}}"]
      """;

  @Test
  void resultAndOutputParameterFlowToTheNextStep() {
    Simulation sim =
        Simulation.of(PASS_ON).pod("produce", Pod.ok("hello").withParam("colour", "blue")).run();

    assertThat(sim.argsOf("consume")).containsExactly("hello", "blue");
    assertThat(sim.workflowPhase()).isEqualTo("Succeeded");
  }

  @Test
  void stepNodeRecordsThePodOutputs() {
    Simulation sim =
        Simulation.of(PASS_ON).pod("produce", Pod.ok("hello").withParam("colour", "blue")).run();

    var out = sim.node("produce").outputs();
    assertThat(out.result()).isEqualTo("hello");
    assertThat(out.parametersOrEmpty())
        .anyMatch(p -> p.name().equals("colour") && p.value().equals("blue"));
  }

  @Test
  void consumingNodeRecordsItsBoundInputs() {
    Simulation sim =
        Simulation.of(PASS_ON).pod("produce", Pod.ok("hello").withParam("colour", "blue")).run();

    assertThat(sim.node("consume").inputs().parametersOrEmpty())
        .extracting(p -> p.name() + "=" + p.value())
        .containsExactly("r=hello", "p=blue");
  }

  @Test
  void stepsTemplateOutputsComeFromItsSteps() {
    Simulation sim =
        Simulation.of(
                """
                spec:
                  entrypoint: main
                  templates:
                  - name: main
                    steps:
                    - - {name: inner, template: inner}
                    - - name: show
                        template: show
                        arguments:
                          parameters: [{name: v, value: "{{steps.inner.outputs.parameters.out}}"}]
                  - name: inner
                    steps:
                    - - {name: produce, template: produce}
                    outputs:
                      parameters:
                      - name: out
                        valueFrom: {parameter: "{{steps.produce.outputs.result}}"}
                  - name: produce
                    container: {image: alpine}
                  - name: show
                    inputs: {parameters: [{name: v}]}
                    container: {image: alpine, args: ["{{inputs.parameters.v}}"]}
                """)
            .pod("produce", Pod.ok("42"))
            .run();

    assertThat(sim.argsOf("show")).containsExactly("42");
  }

  @Test
  void stepStatusAndExitCodeAreAvailable() {
    Simulation sim =
        Simulation.of(
                """
                spec:
                  entrypoint: main
                  templates:
                  - name: main
                    steps:
                    - - {name: a, template: echo, continueOn: {failed: true}}
                    - - name: b
                        template: show
                        arguments:
                          parameters:
                          - {name: v, value: "{{steps.a.status}}/{{steps.a.exitCode}}"}
                  - name: echo
                    container: {image: alpine}
                  - name: show
                    inputs: {parameters: [{name: v}]}
                    container: {image: alpine, args: ["{{inputs.parameters.v}}"]}
                """)
            .pod("a", Pod.fail(3))
            .run();

    assertThat(sim.argsOf("b")).containsExactly("Failed/3");
  }
}
