package dev.weft.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventBindingTest {
  @TempDir Path dir;

  private static String binding(String spec) {
    return """
        apiVersion: argoproj.io/v1alpha1
        kind: WorkflowEventBinding
        metadata:
          name: b
        spec:
        """
        + spec;
  }

  private static final String BAD_SELECTOR =
      binding(
          """
            event:
              selector: payload.ref == "main" &&
          """);

  @Test
  void aBadSelectorIsAWarningSoTheBindingCanStillBeCreated() {
    assertThat(Lint.in(dir).file("b.yaml", BAD_SELECTOR).warnings())
        .containsExactly(
            "b.yaml:7:39: warning: spec.event.selector: invalid expression: unexpected token EOF");
  }

  @Test
  void strictReportsABadSelectorAsAnErrorAtItsColumn() {
    LintReport report = Lint.in(dir).file("b.yaml", BAD_SELECTOR).report(true);
    assertThat(report.ok()).isFalse();
    assertThat(report.errors().get(0).location().line()).isEqualTo(7);
  }

  @Test
  void aSelectorNamingSomethingAnEventDoesNotHaveIsReported() {
    assertThat(
            Lint.in(dir)
                .file("b.yaml", binding("  event:\n    selector: workflow.name == \"x\"\n"))
                .warnings())
        .singleElement()
        .asString()
        .contains("unknown name workflow");
  }

  @Test
  void aParameterWithoutValueFromEventIsReported() {
    assertThat(
            Lint.in(dir)
                .file(
                    "b.yaml",
                    binding(
                        """
                          event: {selector: "true"}
                          submit:
                            workflowTemplateRef: {name: t}
                            arguments:
                              parameters: [{name: p, value: x}]
                        """))
                .warnings())
        .singleElement()
        .asString()
        .contains("parameter \"p\" needs valueFrom.event");
  }

  @Test
  void theShippedExamplesHaveNoErrorsUnderStrict() throws java.io.IOException {
    java.util.List<Path> files;
    try (var s = java.nio.file.Files.list(Path.of("../examples/workflow-event-binding"))) {
      files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    assertThat(files).hasSize(4);
    LintReport report = new Linter().lint(files, true);
    assertThat(report.errors()).isEmpty();
    // the one warning is the template's: its parameter comes only from the event
    assertThat(report.warnings())
        .allSatisfy(d -> assertThat(d.location().file()).endsWith("workflowtemplate.yaml"));
  }

  @Test
  void argosPathFilterExampleIsClean() {
    assertThat(
            Lint.in(dir)
                .file(
                    "b.yaml",
                    binding(
                        """
                          event:
                            selector: |
                              metadata["x-github-event"] == ["push"]
                              && any(payload.commits ?? [], { let c = #; any(c["added"] ?? [], {hasPrefix(#, "a/")}) })
                          submit:
                            workflowTemplateRef: {name: t}
                            metadata: {generateName: 'sprig.lower("EV-")'}
                            arguments:
                              parameters:
                                - name: files
                                  valueFrom:
                                    event: |
                                      reduce(payload.commits ?? [], { let c = #; concat(#acc, c["added"]) }, [])
                        """))
                .all())
        .isEmpty();
  }
}
