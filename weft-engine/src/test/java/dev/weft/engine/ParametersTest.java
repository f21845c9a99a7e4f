package dev.weft.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.spec.Parameter;
import org.junit.jupiter.api.Test;

class ParametersTest {
  /** main calls "show" with the given step arguments; show declares the given inputs. */
  private static Simulation call(String stepArgs, String inputs) {
    return Simulation.of(
        """
        spec:
          entrypoint: main
          arguments:
            parameters: [{name: who, value: world}]
          templates:
          - name: main
            steps:
            - - name: show
                template: show
                arguments: {parameters: %s}
          - name: show
            inputs: {parameters: %s}
            container: {image: alpine, args: ["{{inputs.parameters.msg}}"]}
        """
            .formatted(stepArgs, inputs));
  }

  @Test
  void defaultIsUsedWhenNoArgumentIsGiven() {
    Simulation sim = call("[]", "[{name: msg, default: hello}]").run();

    assertThat(sim.argsOf("show")).containsExactly("hello");
  }

  @Test
  void workflowArgumentFromAnExpressionIsComputed() {
    Simulation sim =
        Simulation.of(
                """
                spec:
                  entrypoint: main
                  arguments:
                    parameters:
                    - {name: n, value: "4"}
                    - name: doubled
                      valueFrom: {expression: "asInt(workflow.parameters.n) * 2"}
                  templates:
                  - name: main
                    container: {image: alpine, args: ["{{workflow.parameters.doubled}}"]}
                """)
            .run();

    assertThat(sim.argsOf("wf")).containsExactly("8");
  }

  @Test
  void argumentOverridesTheDefault() {
    Simulation sim = call("[{name: msg, value: bye}]", "[{name: msg, default: hello}]").run();

    assertThat(sim.argsOf("show")).containsExactly("bye");
  }

  @Test
  void argumentCanUseWorkflowParameters() {
    Simulation sim =
        call("[{name: msg, value: 'hi {{workflow.parameters.who}}'}]", "[{name: msg}]").run();

    assertThat(sim.argsOf("show")).containsExactly("hi world");
  }

  @Test
  void workflowNameIsAvailable() {
    Simulation sim = call("[{name: msg, value: '{{workflow.name}}'}]", "[{name: msg}]").run();

    assertThat(sim.argsOf("show")).containsExactly("wf");
  }

  @Test
  void missingRequiredInputErrorsTheNode() {
    Simulation sim = call("[]", "[{name: msg}]").run();

    assertThat(sim.phaseOf("wf[0].show")).isEqualTo("Error");
    assertThat(sim.messageOf("wf[0].show")).isEqualTo("inputs.parameters.msg was not supplied");
    assertThat(sim.podsRun()).isEmpty();
    assertThat(sim.workflowPhase()).isEqualTo("Failed");
  }

  @Test
  void valueOutsideTheInputEnumErrorsTheNode() {
    Simulation sim =
        call("[{name: msg, value: prod}]", "[{name: msg, enum: [dev, staging]}]").run();

    assertThat(sim.phaseOf("wf[0].show")).isEqualTo("Error");
    assertThat(sim.messageOf("wf[0].show")).contains("inputs.parameters.msg").contains("dev");
    assertThat(sim.podsRun()).isEmpty();
  }

  @Test
  void valueInsideTheInputEnumRuns() {
    Simulation sim = call("[{name: msg, value: dev}]", "[{name: msg, enum: [dev, staging]}]").run();

    assertThat(sim.argsOf("show")).containsExactly("dev");
  }

  @Test
  void workflowArgumentOutsideItsEnumErrorsTheWorkflow() {
    Simulation sim =
        Simulation.of(
                """
                spec:
                  entrypoint: main
                  arguments:
                    parameters: [{name: env, value: prod, enum: [dev, staging]}]
                  templates:
                  - name: main
                    container: {image: alpine, args: ["{{workflow.parameters.env}}"]}
                """)
            .run();

    assertThat(sim.workflowPhase()).isEqualTo("Error");
    assertThat(sim.workflowMessage())
        .contains("spec.arguments.env.value should be present in spec.arguments.env.enum list");
    assertThat(sim.podsRun()).isEmpty();
  }

  @Test
  void entrypointInputsTakeTheWorkflowArguments() {
    Simulation sim =
        Simulation.of(
                """
                spec:
                  entrypoint: main
                  arguments:
                    parameters: [{name: msg, value: from-args}]
                  templates:
                  - name: main
                    inputs: {parameters: [{name: msg, default: fallback}]}
                    container: {image: alpine, args: ["{{inputs.parameters.msg}}"]}
                """)
            .run();

    assertThat(sim.argsOf("wf")).containsExactly("from-args");
  }

  private static final String GLOBAL =
      """
      spec:
        entrypoint: main
        templates:
        - name: main
          steps:
          - - {name: produce, template: produce}
          - - name: use
              template: show
              arguments:
                parameters: [{name: msg, value: "{{workflow.outputs.parameters.colour}}"}]
        - name: produce
          container: {image: alpine}
          outputs:
            parameters:
            - {name: out, globalName: colour, valueFrom: {path: /tmp/out}}
        - name: show
          inputs: {parameters: [{name: msg}]}
          container: {image: alpine, args: ["{{inputs.parameters.msg}}"]}
      """;

  @Test
  void globalNameExportsTheOutputToWorkflowStatus() {
    Simulation sim = Simulation.of(GLOBAL).pod("produce", Pod.ok().withParam("out", "red")).run();

    assertThat(sim.status().outputs().parametersOrEmpty())
        .extracting(Parameter::name, Parameter::value)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("colour", "red"));
  }

  @Test
  void globalOutputIsVisibleToLaterSteps() {
    Simulation sim = Simulation.of(GLOBAL).pod("produce", Pod.ok().withParam("out", "red")).run();

    assertThat(sim.argsOf("use")).containsExactly("red");
  }
}
