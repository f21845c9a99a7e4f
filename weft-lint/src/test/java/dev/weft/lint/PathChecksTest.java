package dev.weft.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every user-supplied name that becomes a host path is reported at its own line and column. */
class PathChecksTest {
  @TempDir Path dir;

  private static final String LABEL =
      "must consist of lower case alphanumeric characters or '-', and must start and end with an"
          + " alphanumeric character (a DNS-1123 label)";

  private Lint lint(String yaml) {
    return Lint.in(dir).file("wf.yaml", yaml);
  }

  private static String workflow(String body) {
    return """
        apiVersion: argoproj.io/v1alpha1
        kind: Workflow
        metadata:
          name: w
        spec:
          entrypoint: main
        """
        + body.indent(2);
  }

  @Test
  void aNamespaceWithDotDotIsReportedAtItsLine() {
    var l =
        lint(
            """
            apiVersion: argoproj.io/v1alpha1
            kind: Workflow
            metadata:
              name: w
              namespace: ../other
            spec:
              entrypoint: main
              templates:
              - name: main
                container: {image: alpine}
            """);
    assertThat(l.errors())
        .containsExactly("wf.yaml:5:3: error: metadata.namespace: \"../other\" " + LABEL);
  }

  @Test
  void aVolumeNameAndAClaimNameWithDotDotAreReportedAtTheirLines() {
    var l =
        lint(
            workflow(
                """
                volumes:
                - name: ../v
                  persistentVolumeClaim:
                    claimName: ../../claim
                templates:
                - name: main
                  container:
                    image: alpine
                    volumeMounts:
                    - {name: ../v, mountPath: /v, subPath: ../..}
                """));
    assertThat(l.errors())
        .contains(
            "wf.yaml:8:5: error: spec.volumes[0].name: \"../v\" " + LABEL,
            "wf.yaml:10:7: error: spec.volumes[0].persistentVolumeClaim.claimName: \"../../claim\" "
                + LABEL,
            "wf.yaml:16:37: error: spec.templates[0].container.volumeMounts[0].subPath:"
                + " \"../..\" must not contain '..'");
  }

  @Test
  void anArtifactKeyAndSubPathWithDotDotAreReportedAtTheirLines() {
    var l =
        lint(
            workflow(
                """
                templates:
                - name: main
                  inputs:
                    artifacts:
                    - name: a
                      path: /a
                      subPath: ../x
                      s3: {key: ../other-namespace/x}
                  container: {image: alpine}
                """));
    assertThat(l.errors())
        .containsExactly(
            "wf.yaml:13:9: error: spec.templates[0].inputs.artifacts[0].subPath: \"../x\" must"
                + " not contain '..'",
            "wf.yaml:14:14: error: spec.templates[0].inputs.artifacts[0].s3.key:"
                + " \"../other-namespace/x\" must not contain '..'");
  }

  @Test
  void configMapAndSecretKeysOfDotDotAreReportedAtTheirLines() {
    var l =
        Lint.in(dir)
            .file(
                "cm.yaml",
                """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: cm}
                data:
                  ../escape: x
                ---
                apiVersion: v1
                kind: Secret
                metadata: {name: s}
                stringData:
                  "..": x
                """);
    assertThat(l.errors())
        .containsExactly(
            "cm.yaml:5:3: error: data.../escape: key \"../escape\" must consist of alphanumeric"
                + " characters, '-', '_' or '.'",
            "cm.yaml:11:3: error: stringData...: key \"..\" must not be '.' or '..'");
  }
}
