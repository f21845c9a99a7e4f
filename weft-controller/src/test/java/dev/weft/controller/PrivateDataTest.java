package dev.weft.controller;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.Workflow;
import dev.weft.model.status.WorkflowPhase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The data directory holds tokens, secrets and every step's files: it is its owner's only. */
@Timeout(90)
class PrivateDataTest {
  @TempDir Path base;

  @Test
  void theDataDirectoryIsCreatedOwnerOnly() throws Exception {
    Path home = base.resolve("new/home");
    try (LocalPlane plane = new LocalPlane(home)) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home)))
          .isEqualTo("rwx------");
    }
  }

  @Test
  void anExistingOpenDataDirectoryIsMadeOwnerOnly() throws Exception {
    Path home = Files.createDirectories(base.resolve("home"));
    Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxrwxrwx"));
    try (LocalPlane plane = new LocalPlane(home)) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home)))
          .isEqualTo("rwx------");
    }
  }

  @Test
  void secretFilesAreOwnerOnlyAndGoWithTheirPod() throws Exception {
    Path home = base.resolve("home");
    try (LocalPlane plane = new LocalPlane(home)) {
      plane.create(
          """
          apiVersion: v1
          kind: Secret
          metadata: {name: creds}
          stringData: {token: s3cr3t}
          """);
      Workflow wf =
          plane.run(
              """
              apiVersion: argoproj.io/v1alpha1
              kind: Workflow
              metadata: {name: sec}
              spec:
                entrypoint: main
                volumes:
                - name: creds
                  secret: {secretName: creds}
                templates:
                - name: main
                  container:
                    image: busybox
                    command: [cat, /creds/token]
                    volumeMounts: [{name: creds, mountPath: /creds}]
              """);
      assertThat(wf.status().phase())
          .as(LocalPlane.everything(wf))
          .isEqualTo(WorkflowPhase.SUCCEEDED);
      assertThat(LocalPlane.everything(wf)).contains("s3cr3t");
      List<Path> secrets = secretFiles(home);
      assertThat(secrets).hasSize(1);
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secrets.get(0))))
          .isEqualTo("rw-------");

      plane.plane().pods().remove(wf, "sec");

      assertThat(secrets.get(0)).doesNotExist();
      assertThat(secretFiles(home)).isEmpty();
    }
  }

  private static List<Path> secretFiles(Path home) throws Exception {
    try (var s = Files.walk(home.resolve("pods"))) {
      return s.filter(p -> p.getFileName().toString().equals("token")).toList();
    }
  }
}
