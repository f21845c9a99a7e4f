package dev.weft.cli.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.codec.Located;
import dev.weft.model.codec.LocationIndex;
import dev.weft.model.codec.ResourceDecoder;
import org.junit.jupiter.api.Test;

class ServerFindingsTest {
  private static final LocationIndex FILE =
      ResourceDecoder.decode(
              """
              apiVersion: argoproj.io/v1alpha1
              kind: Workflow
              metadata:
                name: w
              spec:
                entrypoint: main
                templates:
                - name: main
                  container:
                    image: busybox
              """,
              "w.yaml")
          .resources()
          .stream()
          .map(Located::locations)
          .findFirst()
          .orElseThrow();

  @Test
  void fieldPathBecomesJsonPointer() {
    assertThat(ServerFindings.pointer("spec.templates[0].container.image"))
        .isEqualTo("/spec/templates/0/container/image");
    assertThat(ServerFindings.pointer("spec.steps[1][0].name")).isEqualTo("/spec/steps/1/0/name");
  }

  @Test
  void findingIsMovedToWhereItsFieldWasWritten() {
    assertThat(
            ServerFindings.relocate(
                "body:14:40: error: spec.templates[0].container.image: not allowed", FILE))
        .containsExactly("w.yaml:10:7: error: spec.templates[0].container.image: not allowed");
  }

  @Test
  void unwrittenFieldFallsBackToItsNearestAncestor() {
    assertThat(ServerFindings.relocate("body:3:1: error: spec.onExit: nope", FILE))
        .containsExactly("w.yaml:5:1: error: spec.onExit: nope");
  }

  @Test
  void messageWithoutFindingsIsNotRelocated() {
    assertThat(ServerFindings.relocate("workflows \"w\" already exists", FILE)).isEmpty();
  }
}
