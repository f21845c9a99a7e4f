package dev.weft.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.codec.Decoded;
import dev.weft.model.codec.Diagnostic;
import dev.weft.model.codec.ResourceDecoder;
import org.junit.jupiter.api.Test;

class DecodedResourcesTest {
  private static final String WORKFLOW =
      """
      apiVersion: argoproj.io/v1alpha1
      kind: Workflow
      metadata:
        name: w
      spec:
        entrypoint: main
        templates:
          - name: main
            container: {image: alpine, args: ["{{inputs.parameters.nope}}"]}
      """;

  @Test
  void alreadyDecodedResourcesAreCheckedWithTheFieldsLocation() {
    Decoded decoded = ResourceDecoder.decode(WORKFLOW, "wf.yaml");
    LintReport report = new Linter().lint(decoded.resources());
    assertThat(report.errors())
        .extracting(Diagnostic::format)
        .containsExactly(
            "wf.yaml:9:41: error: spec.templates[0].container.args[0]: inputs.parameters.nope:"
                + " template \"main\" has no input parameter \"nope\"");
  }
}
