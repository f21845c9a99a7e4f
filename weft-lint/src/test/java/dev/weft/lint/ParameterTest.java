package dev.weft.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParameterTest {
  @TempDir Path dir;

  private Lint lint(String arguments, String inputs) {
    return Lint.in(dir)
        .file(
            "wf.yaml",
            """
            apiVersion: argoproj.io/v1alpha1
            kind: Workflow
            metadata:
              name: w
            spec:
              entrypoint: main
              arguments:
                parameters:
            %s
              templates:
                - name: main
                  inputs:
                    parameters:
            %s
                  container: {image: alpine}
            """
                .formatted(
                    arguments.stripTrailing().indent(6).stripTrailing(),
                    inputs.stripTrailing().indent(10).stripTrailing()));
  }

  @Test
  void aValueOutsideItsEnumIsAnError() {
    var lint = lint("- {name: colour, value: green, enum: [red, blue]}", "- {name: x, value: y}");
    assertThat(lint.errors())
        .containsExactly(
            "wf.yaml:9:24: error: spec.arguments.parameters[0].value: \"green\" is not one of the"
                + " allowed values [red, blue] (enum)");
  }

  @Test
  void aDefaultOutsideItsEnumIsAnError() {
    var lint = lint("- {name: a, value: b}", "- {name: colour, default: green, enum: [red]}");
    assertThat(lint.errors())
        .containsExactly(
            "wf.yaml:14:28: error: spec.templates[0].inputs.parameters[0].default: \"green\" is"
                + " not one of the allowed values [red] (enum)");
  }

  @Test
  void duplicateParameterNamesAreAnError() {
    var lint = lint("- {name: a, value: b}\n- {name: a, value: c}", "- {name: x, value: y}");
    assertThat(lint.errors())
        .containsExactly(
            "wf.yaml:10:10: error: spec.arguments.parameters[1].name: duplicate parameter \"a\"");
  }

  @Test
  void aWorkflowArgumentWithoutValueIsFine() {
    var lint = lint("- name: a", "- {name: x, value: y}");
    assertThat(lint.all()).isEmpty();
  }
}
