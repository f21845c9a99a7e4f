package dev.weft.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.model.Workflow;
import dev.weft.model.status.WorkflowPhase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** hostPath volumes are refused unless the operator allowed a prefix they lie under. */
@Timeout(90)
class HostAccessTest {
  @TempDir Path host;

  @Test
  void byDefaultAHostPathIsRefusedWithAMessageNamingTheFlag() {
    assertThatThrownBy(() -> HostAccess.none().hostPath("host", "/etc"))
        .isInstanceOf(IOException.class)
        .hasMessage(
            "volume \"host\": hostPath /etc is not allowed"
                + " (pass --allow-host-path /etc to weft run or weft server to allow it)");
  }

  @Test
  void aPathUnderAnAllowedPrefixIsAllowed() throws IOException {
    Path data = Files.createDirectories(host.resolve("data"));
    var access = new HostAccess(List.of(data), false);
    assertThat(access.hostPath("v", data + "/sub/dir")).isEqualTo(data.resolve("sub/dir"));
  }

  @Test
  void aPrefixDoesNotAllowASiblingThatStartsWithTheSameLetters() throws IOException {
    Path data = Files.createDirectories(host.resolve("data"));
    Files.createDirectories(host.resolve("database"));
    var access = new HostAccess(List.of(data), false);
    assertThatThrownBy(() -> access.hostPath("v", host + "/database"))
        .hasMessageContaining("is not allowed");
  }

  @Test
  void dotDotCannotLeaveAnAllowedPrefix() throws IOException {
    Path data = Files.createDirectories(host.resolve("data"));
    var access = new HostAccess(List.of(data), false);
    assertThatThrownBy(() -> access.hostPath("v", data + "/../../../etc"))
        .hasMessageContaining("is not allowed");
  }

  @Test
  void aSymlinkCannotLeaveAnAllowedPrefix() throws IOException {
    Path data = Files.createDirectories(host.resolve("data"));
    Files.createSymbolicLink(data.resolve("etc"), Path.of("/etc"));
    var access = new HostAccess(List.of(data), false);
    assertThatThrownBy(() -> access.hostPath("v", data + "/etc"))
        .hasMessageContaining("(really /etc) is not allowed");
  }

  private static String mounting(Path dir) {
    return """
        apiVersion: argoproj.io/v1alpha1
        kind: Workflow
        metadata: {name: hostpath}
        spec:
          entrypoint: main
          volumes:
          - name: host
            hostPath: {path: %s}
          templates:
          - name: main
            container:
              image: busybox
              command: [sh, -c, 'echo written > /h/out']
              volumeMounts: [{name: host, mountPath: /h}]
        """
        .formatted(dir);
  }

  @Test
  void aWorkflowWithAHostPathErrorsWithoutTheFlag() throws Exception {
    Path dir = Files.createDirectories(host.resolve("shared"));
    try (LocalPlane plane = new LocalPlane(host.resolve("home"))) {
      Workflow wf = plane.run(mounting(dir));
      assertThat(wf.status().phase()).isEqualTo(WorkflowPhase.ERROR);
      assertThat(LocalPlane.everything(wf))
          .contains("hostPath " + dir + " is not allowed (pass --allow-host-path " + dir);
    }
    assertThat(dir.resolve("out")).doesNotExist();
  }

  @Test
  void aWorkflowWithAHostPathUnderAnAllowedPrefixMountsIt() throws Exception {
    Path dir = Files.createDirectories(host.resolve("shared"));
    // Steps are unprivileged host users: a host directory they write must let them.
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
    try (LocalPlane plane =
        new LocalPlane(host.resolve("home"), new HostAccess(List.of(host), false))) {
      Workflow wf = plane.run(mounting(dir));
      assertThat(wf.status().phase())
          .as(LocalPlane.everything(wf))
          .isEqualTo(WorkflowPhase.SUCCEEDED);
    }
    assertThat(dir.resolve("out")).hasContent("written");
  }
}
