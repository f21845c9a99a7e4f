package dev.weft.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReferenceTest {
  @TempDir Path dir;

  /** A workflow with a parameter {@code p}, and a template {@code gen} with output {@code out}. */
  private static String workflow(String templates) {
    return """
        apiVersion: argoproj.io/v1alpha1
        kind: Workflow
        metadata:
          name: w
        spec:
          entrypoint: main
          arguments:
            parameters: [{name: p, value: "1"}]
          templates:
        %s
            - name: gen
              inputs:
                parameters: [{name: msg, default: ""}]
                artifacts: [{name: data, path: /tmp/in, optional: true}]
              outputs:
                parameters: [{name: out, valueFrom: {path: /tmp/out}}]
                artifacts: [{name: file, path: /tmp/out}]
              container: {image: alpine}
        """
        .formatted(templates.stripTrailing().indent(4).stripTrailing());
  }

  private Lint lint(String templates) {
    return Lint.in(dir).file("wf.yaml", workflow(templates));
  }

  @Test
  void anInputParameterTheTemplateDoesNotDeclareIsAnError() {
    var lint =
        lint(
            """
            - name: main
              inputs: {parameters: [{name: a, value: x}]}
              container: {image: alpine, args: ["echo {{inputs.parameters.b}}"]}
            """);
    assertThat(lint.errors())
        .containsExactly(
            "wf.yaml:12:49: error: spec.templates[0].container.args[0]: inputs.parameters.b:"
                + " template \"main\" has no input parameter \"b\"");
  }

  @Test
  void anInputArtifactTheTemplateDoesNotDeclareIsAnError() {
    var lint =
        lint(
            """
            - name: main
              container: {image: alpine, args: ["{{inputs.artifacts.data.path}}"]}
            """);
    assertThat(lint.errors())
        .containsExactly(
            "wf.yaml:11:44: error: spec.templates[0].container.args[0]: inputs.artifacts.data.path:"
                + " template \"main\" has no input artifact \"data\"");
  }

  @Test
  void aReferenceToAStepThatDoesNotExistIsAnError() {
    var lint =
        lint(
            """
            - name: main
              steps:
                - - {name: one, template: gen}
                - - {name: two, template: gen, arguments: {parameters: [{name: msg, value: "{{steps.uno.outputs.result}}"}]}}
            """);
    assertThat(lint.errors())
        .containsExactly(
            "wf.yaml:13:87: error: spec.templates[0].steps[1][0].arguments.parameters[0].value:"
                + " steps.uno.outputs.result: template \"main\" has no step \"uno\"");
  }

  @Test
  void aReferenceToAStepOfTheSameGroupIsAnError() {
    var lint =
        lint(
            """
            - name: main
              steps:
                - - {name: one, template: gen}
                  - {name: two, template: gen, when: "{{steps.one.outputs.result}} == x"}
            """);
    assertThat(lint.errors())
        .containsExactly(
            "wf.yaml:13:49: error: spec.templates[0].steps[0][1].when: steps.one.outputs.result:"
                + " step \"one\" is not in an earlier group than step \"two\" (a step may only"
                + " refer to steps of earlier groups)");
  }

  @Test
  void anOutputParameterTheStepsTemplateDoesNotDeclareIsAnError() {
    var lint =
        lint(
            """
            - name: main
              steps:
                - - {name: one, template: gen}
                - - {name: two, template: gen, when: "{{steps.one.outputs.parameters.outt}} == x"}
            """);
    assertThat(lint.errors())
        .containsExactly(
            "wf.yaml:13:49: error: spec.templates[0].steps[1][0].when:"
                + " steps.one.outputs.parameters.outt: template \"gen\" has no output parameter"
                + " \"outt\"");
  }

  @Test
  void anArtifactFromAStepOutputTheTemplateLacksIsAnError() {
    var lint =
        lint(
            """
            - name: main
              steps:
                - - {name: one, template: gen}
                - - name: two
                    template: gen
                    arguments:
                      artifacts: [{name: data, from: "{{steps.one.outputs.artifacts.filez}}"}]
            """);
    assertThat(lint.errors())
        .containsExactly(
            "wf.yaml:16:49: error: spec.templates[0].steps[1][0].arguments.artifacts[0].from:"
                + " steps.one.outputs.artifacts.filez: template \"gen\" has no output artifact"
                + " \"filez\"");
  }

  @Test
  void aReferenceToATaskOfAnotherDagIsAnError() {
    var lint =
        lint(
            """
            - name: main
              dag:
                tasks:
                  - {name: a, template: gen, arguments: {parameters: [{name: msg, value: "{{tasks.z.outputs.result}}"}]}}
            """);
    assertThat(lint.errors())
        .containsExactly(
            "wf.yaml:13:85: error: spec.templates[0].dag.tasks[0].arguments.parameters[0].value:"
                + " tasks.z.outputs.result: template \"main\" has no task \"z\"");
  }

  @Test
  void aReferenceToATaskThatIsNotADependencyIsAWarning() {
    var lint =
        lint(
            """
            - name: main
              dag:
                tasks:
                  - {name: a, template: gen}
                  - {name: b, template: gen, when: "{{tasks.a.outputs.result}} == x"}
            """);
    assertThat(lint.all())
        .containsExactly(
            "wf.yaml:14:47: warning: spec.templates[0].dag.tasks[1].when:"
                + " tasks.a.outputs.result: task \"a\" is not among the dependencies of \"b\"");
  }

  @Test
  void aReferenceToAnIndirectDependencyIsFine() {
    var lint =
        lint(
            """
            - name: main
              dag:
                tasks:
                  - {name: a, template: gen}
                  - {name: b, template: gen, depends: a}
                  - {name: c, template: gen, depends: b, when: "{{tasks.a.outputs.result}} == x"}
            """);
    assertThat(lint.all()).isEmpty();
  }

  @Test
  void aWorkflowParameterNotInTheArgumentsIsAnError() {
    var lint =
        lint(
            """
            - name: main
              container: {image: alpine, args: ["{{workflow.parameters.q}}"]}
            """);
    assertThat(lint.errors())
        .containsExactly(
            "wf.yaml:11:44: error: spec.templates[0].container.args[0]: workflow.parameters.q: no"
                + " workflow parameter \"q\" in spec.arguments");
  }

  @Test
  void itemOutsideALoopIsAWarning() {
    var lint =
        lint(
            """
            - name: main
              steps:
                - - {name: one, template: gen, arguments: {parameters: [{name: msg, value: "{{item}}"}]}}
            """);
    assertThat(lint.all())
        .containsExactly(
            "wf.yaml:12:87: warning: spec.templates[0].steps[0][0].arguments.parameters[0].value:"
                + " \"item\" used outside a loop (withItems, withParam or withSequence)");
  }

  @Test
  void itemInsideALoopIsFine() {
    var lint =
        lint(
            """
            - name: main
              steps:
                - - name: one
                    template: gen
                    arguments: {parameters: [{name: msg, value: "{{item.name}}"}]}
                    withItems: [{name: a}]
            """);
    assertThat(lint.all()).isEmpty();
  }

  @Test
  void anUnknownVariableIsAWarning() {
    var lint =
        lint(
            """
            - name: main
              container: {image: alpine, args: ["{{ workflow.colour }}"]}
            """);
    assertThat(lint.all())
        .containsExactly(
            "wf.yaml:11:45: warning: spec.templates[0].container.args[0]: unknown variable"
                + " \"workflow.colour\"");
  }

  @Test
  void argoGlobalVariablesAreKnown() {
    var lint =
        lint(
            """
            - name: main
              container:
                image: alpine
                args:
                  - "{{workflow.name}} {{workflow.namespace}} {{workflow.uid}} {{workflow.status}}"
                  - "{{workflow.creationTimestamp.Y}} {{workflow.labels.app}} {{pod.name}}"
                  - "{{workflow.parameters.p}} {{workflow.parameters.json}} {{retries}}"
                  - "{{node.name}} {{lastRetry.exitCode}} {{workflow.outputs.parameters.x}}"
            """);
    assertThat(lint.all()).isEmpty();
  }

  @Test
  void aStepsTemplateOutputMayReferToAnyStep() {
    var lint =
        lint(
            """
            - name: main
              steps:
                - - {name: one, template: gen}
              outputs:
                parameters: [{name: r, valueFrom: {parameter: "{{steps.one.outputs.parameters.out}}"}}]
            """);
    assertThat(lint.all()).isEmpty();
  }

  @Test
  void aRequiredInputATaskDoesNotPassIsAnError() {
    var lint =
        lint(
            """
            - name: main
              dag:
                tasks:
                  - {name: a, template: needs}
            - name: needs
              inputs: {parameters: [{name: x}]}
              container: {image: alpine}
            """);
    assertThat(lint.errors())
        .containsExactly(
            "wf.yaml:13:13: error: spec.templates[0].dag.tasks[0]: inputs.parameters.x was not"
                + " supplied: template \"needs\" requires it and task \"a\" does not pass it");
  }
}
