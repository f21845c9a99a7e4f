package dev.weft.cli;

import static dev.weft.cli.CliHarness.weft;
import static dev.weft.cli.CliHarness.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.cli.CliHarness.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** `weft run --allow-host-path`: hostPath volumes are refused unless their prefix is allowed. */
@Timeout(60)
class CliHostPathTest {
  @TempDir Path dir;
  @TempDir Path host;

  @BeforeEach
  void home(@TempDir Path home) throws Exception {
    System.setProperty("weft.home", home.toString());
    // Steps are unprivileged host users: the host directory they write must let them.
    Files.setPosixFilePermissions(host, PosixFilePermissions.fromString("rwxrwxrwx"));
  }

  private Path workflow() {
    return write(
        dir,
        "hostpath.yaml",
        """
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
            .formatted(host));
  }

  @Test
  void aHostPathIsRefusedWithoutTheFlagAndTheMessageNamesIt() {
    Result r = weft("run", workflow().toString());
    assertThat(r.exit()).as(r.all()).isEqualTo(1);
    assertThat(r.all())
        .contains("volume \"host\": hostPath " + host + " is not allowed")
        .contains("--allow-host-path " + host);
    assertThat(host.resolve("out")).doesNotExist();
    r.assertNoStackTrace();
  }

  @Test
  void aHostPathUnderAnAllowedPrefixIsMounted() throws Exception {
    Result r = weft("run", workflow().toString(), "--allow-host-path", host.toString());
    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(Files.readString(host.resolve("out"))).isEqualTo("written\n");
  }
}
