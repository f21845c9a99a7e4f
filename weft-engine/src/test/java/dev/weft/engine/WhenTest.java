package dev.weft.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WhenTest {
  private static Simulation withWhen(String when) {
    return Simulation.of(
            """
            spec:
              entrypoint: main
              arguments:
                parameters:
                - {name: coin, value: heads}
                - {name: n, value: "7"}
              templates:
              - name: main
                steps:
                - - name: guarded
                    template: echo
                    when: "%s"
              - name: echo
                container: {image: alpine}
            """
                .formatted(when.replace("\"", "\\\"")))
        .run();
  }

  @ParameterizedTest(name = "when ''{0}'' runs: {1}")
  @CsvSource(
      delimiterString = " => ",
      value = {
        "true => true",
        "false => false",
        "{{workflow.parameters.coin}} == heads => true",
        "{{workflow.parameters.coin}} == tails => false",
        "{{workflow.parameters.coin}} != tails => true",
        "{{workflow.parameters.n}} > 5 => true",
        "{{workflow.parameters.n}} < 5 => false",
        "{{workflow.parameters.n}} == 7 => true",
        "{{workflow.parameters.coin}} =~ '^hea' => true",
        "{{workflow.parameters.coin}} =~ '^tai' => false",
        "{{workflow.parameters.coin}} == heads && {{workflow.parameters.n}} >= 7 => true",
        "{{workflow.parameters.coin}} == tails || {{workflow.parameters.n}} < 1 => false",
        "{{=workflow.parameters.coin == 'heads'}} => true",
        "{{=asInt(workflow.parameters.n) > 10}} => false",
      })
  void whenDecidesWhetherTheStepRuns(String when, boolean runs) {
    Simulation sim = withWhen(when);

    assertThat(sim.phaseOf("wf[0].guarded")).isEqualTo(runs ? "Succeeded" : "Skipped");
    assertThat(sim.podsRun()).hasSize(runs ? 1 : 0);
    assertThat(sim.workflowPhase()).isEqualTo("Succeeded");
  }

  @Test
  void skippedStepMessageShowsTheSubstitutedExpression() {
    Simulation sim = withWhen("{{workflow.parameters.coin}} == tails");

    assertThat(sim.messageOf("wf[0].guarded")).isEqualTo("when 'heads == tails' evaluated false");
  }

  @Test
  void skippedStepNodeHasTypeSkipped() {
    Simulation sim = withWhen("false");

    assertThat(sim.node("wf[0].guarded").type().name()).isEqualTo("Skipped");
  }

  @Test
  void whenOnAPreviousStepResultChoosesTheBranch() {
    Simulation sim =
        Simulation.of(
                """
                spec:
                  entrypoint: main
                  templates:
                  - name: main
                    steps:
                    - - {name: flip, template: echo}
                    - - {name: heads, template: echo, when: "{{steps.flip.outputs.result}} == heads"}
                      - {name: tails, template: echo, when: "{{steps.flip.outputs.result}} == tails"}
                  - name: echo
                    container: {image: alpine}
                """)
            .pod("flip", Pod.ok("tails"))
            .run();

    assertThat(sim.phaseOf("heads")).isEqualTo("Skipped");
    assertThat(sim.messageOf("heads")).isEqualTo("when 'tails == heads' evaluated false");
    assertThat(sim.phaseOf("tails")).isEqualTo("Succeeded");
  }

  @Test
  void invalidWhenExpressionErrorsTheStep() {
    Simulation sim = withWhen("heads ==");

    assertThat(sim.phaseOf("wf[0].guarded")).isEqualTo("Error");
    assertThat(sim.messageOf("wf[0].guarded")).startsWith("Invalid 'when' expression 'heads =='");
    assertThat(sim.workflowPhase()).isIn("Failed", "Error");
  }

  @Test
  void whenReferringToASkippedStepsOutputWithoutDefaultErrorsTheStepAndEndsTheWorkflow() {
    Simulation sim =
        Simulation.of(
                """
                spec:
                  entrypoint: main
                  templates:
                  - name: main
                    steps:
                    - - {name: gen, template: out, when: "false"}
                    - - {name: use, template: echo, when: "{{steps.gen.outputs.parameters.p}} == 1"}
                  - name: out
                    container: {image: alpine}
                    outputs: {parameters: [{name: p, valueFrom: {path: /tmp/p}}]}
                  - name: echo
                    container: {image: alpine}
                """)
            .run();

    assertThat(sim.phaseOf("wf[1].use")).isEqualTo("Error");
    assertThat(sim.messageOf("wf[1].use"))
        .isEqualTo(
            "unable to substitute {{steps.gen.outputs.parameters.p}}: output is an absent optional"
                + " (skipped/omitted node with no default)");
    assertThat(sim.workflowPhase()).isIn("Failed", "Error");
  }

  @Test
  void expressionsInsideWhenWithQuotesAndCommasAreEvaluatedFirstInSteps() {
    Simulation sim =
        withWhen(
            "'{{=sprig.replace(',', '', 'a,b') + \"-\" + join(['x', 'y'], ',')}}' == 'ab-x,y'");

    assertThat(sim.phaseOf("wf[0].guarded")).isEqualTo("Succeeded");
  }

  @Test
  void expressionsInsideWhenWithQuotesAndCommasAreEvaluatedFirstInDags() {
    Simulation sim =
        Simulation.of(
                """
                spec:
                  entrypoint: main
                  arguments: {parameters: [{name: data, value: ''}]}
                  templates:
                  - name: main
                    dag:
                      tasks:
                      - {name: gen, template: echo}
                      - name: run
                        depends: gen
                        template: echo
                        when: "{{= sprig.contains(',', tasks.gen.outputs.result) }} && '{{= sprig.trim(tasks.gen.outputs.result) }}' == 'p, q'"
                      - name: skip
                        depends: gen
                        template: echo
                        when: "{{= workflow.parameters.data != '' }}"
                        arguments:
                          parameters: [{name: m, value: "{{= jsonpath(workflow.parameters.data, '$.id') }}"}]
                  - name: echo
                    container: {image: alpine}
                """)
            .pod("gen", Pod.ok(" p, q "))
            .run();

    assertThat(sim.phaseOf("wf.run")).isEqualTo("Succeeded");
    assertThat(sim.phaseOf("wf.skip")).isEqualTo("Skipped");
    assertThat(sim.workflowPhase()).isEqualTo("Succeeded");
  }
}
