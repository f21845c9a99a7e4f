package dev.weft.cli;

import static dev.weft.cli.CliHarness.containerWorkflow;
import static dev.weft.cli.CliHarness.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.cli.CliHarness.Result;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** `weft retry` and `weft resubmit` of finished workflows on a real server. */
@Timeout(60)
class CliRerunTest {
  @TempDir static Path serverHome;
  @TempDir Path dir;
  static ServerFixture server;

  @BeforeAll
  static void start() throws Exception {
    server = new ServerFixture(serverHome);
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  /** Exits with the argument {@code code}: fails as submitted, succeeds when retried with 0. */
  private static final String EXITS_WITH_CODE =
      """
      apiVersion: argoproj.io/v1alpha1
      kind: Workflow
      metadata:
        generateName: exits-
      spec:
        entrypoint: main
        arguments:
          parameters:
          - name: code
            value: "1"
        templates:
        - name: main
          container:
            image: busybox
            command: [sh, -c, "exit {{workflow.parameters.code}}"]
      """;

  private void ranToEnd(String name, String yaml, int expectedExit) {
    Path f = write(dir, name + ".yaml", yaml);
    Result r = server.weft("submit", f.toString(), "--name", name, "--wait");
    assertThat(r.exit()).as(r.all()).isEqualTo(expectedExit);
  }

  @Test
  void retryWithChangedArgumentSucceeds() {
    ranToEnd("retried", EXITS_WITH_CODE, 1);
    Result r = server.weft("retry", "retried", "-p", "code=0", "--wait");
    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(r.out())
        .containsPattern("(?m)^Name:\\s+retried$")
        .containsPattern("(?m)^retried Succeeded at \\S+$");
  }

  @Test
  void retryOfSucceededWorkflowIsRefused() {
    ranToEnd("already-fine", containerWorkflow("x-", "[echo, hi]"), 0);
    Result r = server.weft("retry", "already-fine");
    r.assertOneBadInputError();
  }

  @Test
  void resubmitRunsANewWorkflow() {
    ranToEnd("original", containerWorkflow("x-", "[echo, again]"), 0);
    Result r = server.weft("resubmit", "original", "-o", "name", "--wait");
    assertThat(r.exit()).as(r.all()).isZero();
    String fresh = r.out().strip();
    // as Argo: the original's generateName names the new one
    assertThat(fresh).matches("x-[a-z0-9]{5}");
    assertThat(server.weft("logs", fresh).out()).isEqualTo(fresh + ": again\n");
  }
}
