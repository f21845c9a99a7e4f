package dev.weft.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExpressionTest {
  @TempDir Path dir;

  private Lint lint(String step) {
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
              templates:
                - name: main
                  steps:
                    - - name: one
                        template: leaf
                    - - name: two
                        template: leaf
            %s
                - name: leaf
                  container: {image: alpine}
            """
                .formatted(step.stripTrailing().indent(12).stripTrailing()));
  }

  @Test
  void anUnparsableWhenIsAnErrorAtItsColumn() {
    var lint = lint("when: \"{{steps.one.outputs.result}} == == heads\"");
    assertThat(lint.errors()).hasSize(1);
    assertThat(lint.errors().get(0))
        .startsWith("wf.yaml:14:52: error: spec.templates[0].steps[1][0].when: invalid when: ");
  }

  @Test
  void aWhenWithTagsReplacedIsParsed() {
    var lint =
        lint("when: \"'{{steps.one.outputs.result}}' == 'heads' && {{steps.one.exitCode}} < 2\"");
    assertThat(lint.all()).isEmpty();
  }

  @Test
  void anUnparsableExpressionTagIsAnErrorAtItsColumn() {
    var lint = lint("when: \"{{= steps.one.outputs.result == }}\"");
    assertThat(lint.errors()).hasSize(1);
    assertThat(lint.errors().get(0))
        .startsWith(
            "wf.yaml:14:52: error: spec.templates[0].steps[1][0].when: invalid expression: ");
  }

  @Test
  void aValidExpressionTagIsFine() {
    var lint = lint("when: \"{{= steps.one.outputs.result == 'heads' }}\"");
    assertThat(lint.all()).isEmpty();
  }

  @Test
  void anUnparsableHookExpressionIsAnError() {
    var lint = lint("hooks:\n  started: {template: leaf, expression: \"steps.two.status ==\"}");
    assertThat(lint.errors()).hasSize(1);
    assertThat(lint.errors().get(0))
        .startsWith(
            "wf.yaml:15:73: error: spec.templates[0].steps[1][0].hooks.started.expression: invalid"
                + " expression: ");
  }
}
