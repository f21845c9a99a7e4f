package dev.weft.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StrictTest {
  @TempDir Path dir;

  private static final String UNKNOWN_FIELD =
      """
      apiVersion: argoproj.io/v1alpha1
      kind: Workflow
      metadata:
        name: w
      spec:
        entrypoint: main
        templates:
          - name: main
            colour: red
            container: {image: alpine}
      """;

  @Test
  void anUnknownFieldIsAWarningByDefault() {
    LintReport report = Lint.in(dir).file("wf.yaml", UNKNOWN_FIELD).report(false);
    assertThat(report.ok()).isTrue();
    assertThat(report.warnings()).hasSize(1);
    assertThat(report.warnings().get(0).field()).isEqualTo("spec.templates[0].colour");
  }

  @Test
  void strictTurnsAnUnknownFieldIntoAnError() {
    LintReport report = Lint.in(dir).file("wf.yaml", UNKNOWN_FIELD).report(true);
    assertThat(report.ok()).isFalse();
    assertThat(report.errors()).hasSize(1);
    assertThat(report.errors().get(0).location().line()).isEqualTo(9);
    assertThat(report.errors().get(0).field()).isEqualTo("spec.templates[0].colour");
  }

  @Test
  void aMissingFileIsAnError() {
    LintReport report = new Linter().lint(java.util.List.of(dir.resolve("none.yaml")), false);
    assertThat(report.ok()).isFalse();
  }
}
