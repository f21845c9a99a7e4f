package dev.weft.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.WorkflowTemplate;
import dev.weft.model.status.NodeType;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateRefTest {
  private static final WorkflowTemplate LIB =
      Simulation.decode(
          """
          apiVersion: argoproj.io/v1alpha1
          kind: WorkflowTemplate
          metadata: {name: lib}
          spec:
            entrypoint: greet
            arguments:
              parameters: [{name: who, value: template}]
            templates:
            - name: greet
              inputs: {parameters: [{name: msg, default: hello}]}
              container: {image: alpine, args: ["{{inputs.parameters.msg}}"]}
            - name: pipeline
              steps:
              - - {name: one, template: greet}
            - name: whoami
              container: {image: alpine, args: ["{{workflow.parameters.who}}"]}
          """,
          WorkflowTemplate.class);

  private static final Library LIBRARY =
      new Library(Map.of("lib", LIB), Map.of(), Map.of(), Map.of());

  @Test
  void stepRunsATemplateFromAWorkflowTemplate() {
    Simulation sim =
        Simulation.of(
                """
                spec:
                  entrypoint: main
                  templates:
                  - name: main
                    steps:
                    - - name: call
                        templateRef: {name: lib, template: greet}
                        arguments: {parameters: [{name: msg, value: hi}]}
                """)
            .library(LIBRARY)
            .run();

    assertThat(sim.podsRun()).containsExactly("wf[0].call");
    assertThat(sim.argsOf("call")).containsExactly("hi");
    assertThat(sim.podOf("call").template().name()).isEqualTo("greet");
    assertThat(sim.workflowPhase()).isEqualTo("Succeeded");
  }

  @Test
  void referencedStepsTemplateResolvesItsOwnTemplatesInTheWorkflowTemplate() {
    Simulation sim =
        Simulation.of(
                """
                spec:
                  entrypoint: main
                  templates:
                  - name: main
                    dag:
                      tasks:
                      - {name: p, templateRef: {name: lib, template: pipeline}}
                """)
            .library(LIBRARY)
            .run();

    assertThat(sim.podsRun()).containsExactly("wf.p[0].one");
    assertThat(sim.argsOf("wf.p[0].one")).containsExactly("hello");
  }

  @Test
  void missingWorkflowTemplateErrorsTheStep() {
    Simulation sim =
        Simulation.of(
                """
                spec:
                  entrypoint: main
                  templates:
                  - name: main
                    steps:
                    - - {name: call, templateRef: {name: nope, template: greet}}
                """)
            .run();

    assertThat(sim.phaseOf("wf[0].call")).isEqualTo("Error");
    assertThat(sim.workflowPhase()).isIn("Failed", "Error");
  }

  @Test
  void workflowTemplateRefRunsTheTemplatesEntrypoint() {
    Simulation sim =
        Simulation.of("spec:\n  workflowTemplateRef: {name: lib}\n").library(LIBRARY).run();

    assertThat(sim.podsRun()).containsExactly("wf");
    assertThat(sim.argsOf("wf")).containsExactly("hello");
    assertThat(sim.workflowPhase()).isEqualTo("Succeeded");
  }

  @Test
  void workflowArgumentsOverrideTheTemplatesArguments() {
    Simulation sim =
        Simulation.of(
                """
                spec:
                  workflowTemplateRef: {name: lib}
                  entrypoint: whoami
                  arguments:
                    parameters: [{name: who, value: workflow}]
                """)
            .library(LIBRARY)
            .run();

    assertThat(sim.argsOf("wf")).containsExactly("workflow");
  }

  @Test
  void workflowTemplateArgumentsApplyWhenNotOverridden() {
    Simulation sim =
        Simulation.of("spec:\n  workflowTemplateRef: {name: lib}\n  entrypoint: whoami\n")
            .library(LIBRARY)
            .run();

    assertThat(sim.argsOf("wf")).containsExactly("template");
  }

  @Test
  void missingWorkflowTemplateRefErrorsTheWorkflow() {
    Simulation sim = Simulation.of("spec:\n  workflowTemplateRef: {name: nope}\n").run();

    assertThat(sim.workflowPhase()).isEqualTo("Error");
    assertThat(sim.workflowMessage()).contains("nope").contains("not found");
  }

  private static final String DEFAULTS =
      """
      spec:
        entrypoint: %s
        templateDefaults:
          container: {image: busybox, command: [sh]}
        templates:
        - name: main
          steps:
          - - {name: plain, template: plain}
        - name: plain
          container: {args: [hi]}
        - name: own
          container: {image: alpine, args: [hi]}
      """;

  @Test
  void templateDefaultsFillUnsetFields() {
    Simulation sim = Simulation.of(DEFAULTS.formatted("plain")).run();

    assertThat(sim.podOf("wf").template().container().image()).isEqualTo("busybox");
    assertThat(sim.podOf("wf").template().container().command()).containsExactly("sh");
    assertThat(sim.podOf("wf").template().container().args()).containsExactly("hi");
  }

  @Test
  void templateFieldsWinOverTemplateDefaults() {
    Simulation sim = Simulation.of(DEFAULTS.formatted("own")).run();

    assertThat(sim.podOf("wf").template().container().image()).isEqualTo("alpine");
  }

  @Test
  void templateDefaultsKeepTheTemplateType() {
    Simulation sim = Simulation.of(DEFAULTS.formatted("main")).run();

    assertThat(sim.node("wf").type()).isEqualTo(NodeType.Steps);
    assertThat(sim.podsRun()).containsExactly("wf[0].plain");
    assertThat(sim.podOf("plain").template().container().image()).isEqualTo("busybox");
  }

  @Test
  void templateDefaultsRetryStrategyApplies() {
    Simulation sim =
        Simulation.of(
                """
                spec:
                  entrypoint: main
                  templateDefaults:
                    retryStrategy: {limit: '1'}
                  templates:
                  - name: main
                    container: {image: alpine}
                """)
            .pod("main", Pod.fail(1))
            .run();

    assertThat(sim.podsRun()).containsExactly("wf(0)", "wf(1)");
  }
}
