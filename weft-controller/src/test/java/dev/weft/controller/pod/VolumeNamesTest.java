package dev.weft.controller.pod;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.controller.LocalPlane;
import dev.weft.model.Workflow;
import dev.weft.model.status.WorkflowPhase;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Names that become host path components are checked as Kubernetes checks them: a ".." in any of
 * them ends the workflow in Error with a message, and nothing is created outside the data
 * directory.
 */
@Timeout(90)
class VolumeNamesTest {
  @TempDir Path base;
  private Path home;
  private LocalPlane plane;

  @BeforeEach
  void setUp() throws Exception {
    home = base.resolve("home");
    plane = new LocalPlane(home);
  }

  @AfterEach
  void tearDown() throws Exception {
    plane.close();
  }

  private static String workflow(String volumes, String mounts) {
    return """
        apiVersion: argoproj.io/v1alpha1
        kind: Workflow
        metadata: {name: names}
        spec:
          entrypoint: main
          volumes:
        %s
          templates:
          - name: main
            container:
              image: busybox
              command: [sh, -c, 'ls /v']
              volumeMounts:
        %s
        """
        .formatted(volumes.indent(2).stripTrailing(), mounts.indent(6).stripTrailing());
  }

  private Workflow refused(String yaml, String message) throws Exception {
    Workflow wf = plane.run(yaml);
    String all = LocalPlane.everything(wf);
    assertThat(wf.status().phase()).as(all).isNotEqualTo(WorkflowPhase.SUCCEEDED);
    assertThat(all).contains(message).doesNotContain("Exception");
    return wf;
  }

  private void assertNothingOutsideHome() throws Exception {
    try (var s = Files.list(base)) {
      assertThat(s.map(p -> p.getFileName().toString())).containsExactly("home");
    }
  }

  @Test
  void aVolumeNameWithDotDotIsRefused() throws Exception {
    refused(
        workflow(
            "- name: ../../../../escaped\n  emptyDir: {}",
            "- {name: ../../../../escaped, mountPath: /v}"),
        "volume name \"../../../../escaped\" must consist of lower case alphanumeric");
    assertNothingOutsideHome();
  }

  @Test
  void aClaimNameWithDotDotIsRefused() throws Exception {
    refused(
        workflow(
            "- name: v\n  persistentVolumeClaim: {claimName: ../../escaped}",
            "- {name: v, mountPath: /v}"),
        "volume \"v\" claimName \"../../escaped\" must consist of lower case alphanumeric");
    assertNothingOutsideHome();
  }

  @Test
  void aNamespaceWithDotDotIsRefused() throws Exception {
    String yaml =
        workflow("- name: v\n  emptyDir: {}", "- {name: v, mountPath: /v}")
            .replace("metadata: {name: names}", "metadata: {name: names, namespace: ../..}");
    Workflow wf;
    try {
      wf = plane.run(yaml);
    } catch (RuntimeException e) {
      // the store may refuse the namespace itself, which is as good
      assertThat(e.getMessage()).contains("..");
      return;
    }
    assertThat(LocalPlane.everything(wf))
        .contains("namespace \"../..\" must consist of lower case");
    assertNothingOutsideHome();
  }

  @Test
  void aConfigMapKeyWithDotDotIsRefused() throws Exception {
    plane.create(
        """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: cm}
        data:
          ../../../../../escaped: boom
        """);
    refused(
        workflow("- name: v\n  configMap: {name: cm}", "- {name: v, mountPath: /v}"),
        "volume \"v\": configmap key \"../../../../../escaped\" must consist of alphanumeric");
    assertNothingOutsideHome();
  }

  @Test
  void aSecretKeyOfDotDotIsRefused() throws Exception {
    plane.create(
        """
        apiVersion: v1
        kind: Secret
        metadata: {name: s}
        stringData:
          "..": boom
        """);
    refused(
        workflow("- name: v\n  secret: {secretName: s}", "- {name: v, mountPath: /v}"),
        "volume \"v\": secret key \"..\" must not be '.' or '..'");
  }

  @Test
  void aSubPathWithDotDotIsRefused() throws Exception {
    refused(
        workflow("- name: v\n  emptyDir: {}", "- {name: v, mountPath: /v, subPath: ../../../..}"),
        "volume \"v\" subPath: \"../../../..\" must not contain \"..\"");
    assertNothingOutsideHome();
  }

  @Test
  void aSubPathThroughALinkAStepPlantedInAClaimIsRefused() throws Exception {
    Workflow wf =
        plane.run(
            """
            apiVersion: argoproj.io/v1alpha1
            kind: Workflow
            metadata: {name: plant}
            spec:
              entrypoint: main
              volumes:
              - name: shared
                persistentVolumeClaim: {claimName: shared}
              templates:
              - name: main
                steps:
                - - {name: plant, template: plant}
                - - {name: use, template: use}
              - name: plant
                container:
                  image: busybox
                  command: [sh, -c, 'ln -s %s /v/up']
                  volumeMounts: [{name: shared, mountPath: /v}]
              - name: use
                container:
                  image: busybox
                  command: [sh, -c, 'touch /v/planted-on-the-host']
                  volumeMounts: [{name: shared, mountPath: /v, subPath: up}]
            """
                .formatted(base));
    assertThat(LocalPlane.everything(wf)).contains("\"up\" is a symbolic link");
    assertThat(base.resolve("planted-on-the-host")).doesNotExist();
  }
}
