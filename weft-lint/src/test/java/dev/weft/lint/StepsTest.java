package dev.weft.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StepsTest {
  @TempDir Path dir;

  private static String steps(String body) {
    return """
        apiVersion: argoproj.io/v1alpha1
        kind: Workflow
        metadata:
          name: w
        spec:
          entrypoint: main
          templates:
            - name: main
              steps:
        %s
            - name: echo
              inputs:
                parameters:
                  - name: msg
                  - name: times
                    default: "1"
              container: {image: alpine}
        """
        .formatted(body.stripTrailing().indent(8).stripTrailing());
  }

  @Test
  void aStepNamingNoTemplateIsAnError() {
    var lint =
        Lint.in(dir)
            .file(
                "wf.yaml",
                steps(
                    """
                    - - name: a
                        template: ehco
                    """));
    assertThat(lint.errors())
        .containsExactly(
            "wf.yaml:11:13: error: spec.templates[0].steps[0][0].template: no template named"
                + " \"ehco\"");
  }

  @Test
  void aStepWithoutTemplateIsAnError() {
    var lint =
        Lint.in(dir)
            .file(
                "wf.yaml",
                steps(
                    """
                    - - name: a
                    """));
    assertThat(lint.errors())
        .containsExactly(
            "wf.yaml:10:13: error: spec.templates[0].steps[0][0]: must name a template"
                + " (template, templateRef or inline)");
  }

  @Test
  void duplicateStepNamesInATemplateAreAnError() {
    var lint =
        Lint.in(dir)
            .file(
                "wf.yaml",
                steps(
                    """
                    - - name: a
                        template: echo
                        arguments: {parameters: [{name: msg, value: hi}]}
                    - - name: a
                        template: echo
                        arguments: {parameters: [{name: msg, value: hi}]}
                    """));
    assertThat(lint.errors())
        .containsExactly(
            "wf.yaml:13:13: error: spec.templates[0].steps[1][0].name: duplicate step name \"a\"");
  }

  @Test
  void aRequiredInputTheStepDoesNotPassIsAnError() {
    var lint =
        Lint.in(dir)
            .file(
                "wf.yaml",
                steps(
                    """
                    - - name: a
                        template: echo
                    """));
    assertThat(lint.errors())
        .containsExactly(
            "wf.yaml:10:13: error: spec.templates[0].steps[0][0]: inputs.parameters.msg was not"
                + " supplied: template \"echo\" requires it and step \"a\" does not pass it");
  }

  @Test
  void anArgumentTheTemplateDoesNotDeclareIsAWarning() {
    var lint =
        Lint.in(dir)
            .file(
                "wf.yaml",
                steps(
                    """
                    - - name: a
                        template: echo
                        arguments:
                          parameters:
                            - {name: msg, value: hi}
                            - {name: colour, value: red}
                    """));
    assertThat(lint.all())
        .containsExactly(
            "wf.yaml:15:20: warning:"
                + " spec.templates[0].steps[0][0].arguments.parameters[1].name: template \"echo\""
                + " has no input parameter \"colour\"");
  }

  @Test
  void aStepOnExitNamingNoTemplateIsAnError() {
    var lint =
        Lint.in(dir)
            .file(
                "wf.yaml",
                steps(
                    """
                    - - name: a
                        template: echo
                        arguments: {parameters: [{name: msg, value: hi}]}
                        onExit: bye
                    """));
    assertThat(lint.errors())
        .containsExactly(
            "wf.yaml:13:13: error: spec.templates[0].steps[0][0].onExit: no template named"
                + " \"bye\"");
  }

  @Test
  void aStepHookNamingNoTemplateIsAnError() {
    var lint =
        Lint.in(dir)
            .file(
                "wf.yaml",
                steps(
                    """
                    - - name: a
                        template: echo
                        arguments: {parameters: [{name: msg, value: hi}]}
                        hooks:
                          running: {template: watch, expression: "steps.a.status == 'Running'"}
                    """));
    assertThat(lint.errors())
        .containsExactly(
            "wf.yaml:14:25: error: spec.templates[0].steps[0][0].hooks.running.template: no"
                + " template named \"watch\"");
  }
}
