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
 * A step's outputs are read on the host by a root JVM: a symlink the step planted must never be
 * followed there, or a step could export the server's token, any host file or the JVM's
 * environment.
 */
@Timeout(90)
class SymlinkOutputTest {
  private static final String SECRET = "HOST-SECRET-4242";

  @TempDir Path home;
  @TempDir Path host;
  private Path secretFile;
  private LocalPlane plane;

  @BeforeEach
  void setUp() throws Exception {
    secretFile = Files.writeString(host.resolve("secret.txt"), SECRET + "\n");
    plane = new LocalPlane(home);
  }

  @AfterEach
  void tearDown() throws Exception {
    plane.close();
  }

  private static String workflow(String script, String outputs) {
    return """
        apiVersion: argoproj.io/v1alpha1
        kind: Workflow
        metadata: {name: leak}
        spec:
          entrypoint: main
          templates:
          - name: main
            container:
              image: busybox
              command: [sh, -c, '%s']
            outputs:
        %s
        """
        .formatted(script, outputs.indent(6).stripTrailing());
  }

  private void assertRefused(Workflow wf) {
    String all = LocalPlane.everything(wf);
    assertThat(wf.status().phase()).as(all).isNotEqualTo(WorkflowPhase.SUCCEEDED);
    assertThat(all).contains("is a symbolic link").doesNotContain(SECRET);
  }

  @Test
  void anOutputParameterThatIsALinkToAHostFileIsRefused() throws Exception {
    Workflow wf =
        plane.run(
            workflow(
                "ln -s " + secretFile + " /tmp/out",
                "parameters:\n- name: p\n  valueFrom: {path: /tmp/out}"));
    assertRefused(wf);
  }

  @Test
  void anOutputParameterThatIsALinkToProcSelfEnvironIsRefused() throws Exception {
    Workflow wf =
        plane.run(
            workflow(
                "ln -s /proc/self/environ /tmp/out",
                "parameters:\n- name: p\n  valueFrom: {path: /tmp/out}"));
    assertRefused(wf);
    assertThat(LocalPlane.everything(wf)).doesNotContain("PATH=");
  }

  @Test
  void anOutputParameterBehindALinkedDirectoryIsRefused() throws Exception {
    Workflow wf =
        plane.run(
            workflow(
                "ln -s " + host + " /tmp/d",
                "parameters:\n- name: p\n  valueFrom: {path: /tmp/d/secret.txt}"));
    assertRefused(wf);
  }

  @Test
  void aRawArtifactThatIsALinkToAHostFileIsRefused() throws Exception {
    Workflow wf =
        plane.run(
            workflow(
                "ln -s " + secretFile + " /tmp/out",
                "artifacts:\n- name: a\n  path: /tmp/out\n  archive: {none: {}}"));
    assertRefused(wf);
    assertThat(repositoryFiles()).noneMatch(this::holdsSecret);
  }

  @Test
  void aTarGzArtifactThatIsALinkToProcSelfEnvironIsRefused() throws Exception {
    Workflow wf =
        plane.run(
            workflow(
                "ln -s /proc/self/environ /tmp/out", "artifacts:\n- name: a\n  path: /tmp/out"));
    assertRefused(wf);
  }

  @Test
  void aLinkInsideADirectoryArtifactIsKeptAsALinkAndNeverFollowed() throws Exception {
    Workflow wf =
        plane.run(
            workflow(
                "mkdir /tmp/d && echo ok > /tmp/d/ok && ln -s " + secretFile + " /tmp/d/link",
                "artifacts:\n- name: a\n  path: /tmp/d\n  archive: {none: {}}"));
    assertThat(wf.status().phase())
        .as(LocalPlane.everything(wf))
        .isEqualTo(WorkflowPhase.SUCCEEDED);
    assertThat(repositoryFiles()).noneMatch(this::holdsSecret);
    Path link =
        repositoryFiles().stream()
            .filter(p -> p.getFileName().toString().equals("link"))
            .findFirst()
            .orElseThrow();
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Files.readSymbolicLink(link)).isEqualTo(secretFile);
  }

  @Test
  void aLinkInATarGzDirectoryArtifactDoesNotBringTheHostFileIntoTheNextStep() throws Exception {
    Workflow wf =
        plane.run(
            """
            apiVersion: argoproj.io/v1alpha1
            kind: Workflow
            metadata: {name: carry}
            spec:
              entrypoint: main
              templates:
              - name: main
                steps:
                - - {name: make, template: make}
                - - name: read
                    template: read
                    arguments:
                      artifacts:
                      - {name: d, from: "{{steps.make.outputs.artifacts.d}}"}
              - name: make
                container:
                  image: busybox
                  command: [sh, -c, 'mkdir /tmp/d && ln -s %s /tmp/d/link']
                outputs:
                  artifacts:
                  - {name: d, path: /tmp/d}
              - name: read
                inputs:
                  artifacts:
                  - {name: d, path: /in/d}
                container:
                  image: busybox
                  command: [sh, -c, 'cat /in/d/link; test -L /in/d/link && echo still-a-link']
            """
                .formatted(secretFile));
    String all = LocalPlane.everything(wf);
    assertThat(all).doesNotContain(SECRET).contains("still-a-link");
  }

  private java.util.List<Path> repositoryFiles() throws java.io.IOException {
    try (var s = Files.walk(plane.plane().artifacts().root())) {
      return s.toList();
    }
  }

  private boolean holdsSecret(Path p) {
    try {
      return Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)
          && Files.readString(p).contains(SECRET);
    } catch (java.io.IOException e) {
      return false;
    }
  }
}
