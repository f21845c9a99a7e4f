package dev.weft.cli;

import static dev.weft.cli.CliHarness.write;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.cli.CliHarness.Result;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** suspend, resume, stop and terminate of workflows on a server (not a local `weft run`). */
@Timeout(60)
class CliServerControlTest {
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

  private static final String NAP_THEN_ECHO =
      """
      apiVersion: argoproj.io/v1alpha1
      kind: Workflow
      metadata:
        generateName: nap-
      spec:
        entrypoint: main
        templates:
        - name: main
          steps:
          - - name: nap
              template: nap
          - - name: after
              template: echo
        - name: nap
          container: {image: busybox, command: [sleep, "2"]}
        - name: echo
          container: {image: busybox, command: [echo, after]}
      """;

  private static final String APPROVAL =
      """
      apiVersion: argoproj.io/v1alpha1
      kind: Workflow
      metadata:
        generateName: approval-
      spec:
        entrypoint: main
        templates:
        - name: main
          steps:
          - - name: approve
              template: wait
          - - name: after
              template: echo
        - name: wait
          suspend: {}
        - name: echo
          container: {image: busybox, command: [echo, approved]}
      """;

  private static final String SLEEPS_WITH_EXIT_HANDLER =
      """
      apiVersion: argoproj.io/v1alpha1
      kind: Workflow
      metadata:
        generateName: sleeps-
      spec:
        entrypoint: main
        onExit: cleanup
        templates:
        - name: main
          container: {image: busybox, command: [sleep, "60"]}
        - name: cleanup
          container: {image: busybox, command: [echo, cleaning-up]}
      """;

  private void submit(String name, String yaml) {
    Path f = write(dir, name + ".yaml", yaml);
    Result r = server.weft("submit", f.toString(), "--name", name, "-o", "name");
    assertThat(r.exit()).as(r.all()).isZero();
  }

  private static boolean waitingAtSuspendNode(JsonNode wf) {
    for (JsonNode n : wf.path("status").path("nodes")) {
      if ("Suspend".equals(n.path("type").asText()) && "Running".equals(n.path("phase").asText())) {
        return true;
      }
    }
    return false;
  }

  @Test
  void suspendHoldsTheWorkflowUntilResumed() throws Exception {
    submit("held", NAP_THEN_ECHO);
    Result suspended = server.weft("suspend", "held");
    assertThat(suspended.out()).as(suspended.all()).isEqualTo("workflow held suspended\n");
    assertThat(server.weft("get", "held").out())
        .containsPattern("(?m)^Status:\\s+Running \\(Suspended\\)$");
    Result resumed = server.weft("resume", "held");
    assertThat(resumed.out()).as(resumed.all()).isEqualTo("workflow held resumed\n");
    Result waited = server.weft("wait", "held");
    assertThat(waited.exit()).as(waited.all()).isZero();
  }

  @Test
  void resumeByNodeFieldSelectorReleasesTheSuspendStep() throws Exception {
    submit("approved", APPROVAL);
    server.await("approved", CliServerControlTest::waitingAtSuspendNode);
    Result r = server.weft("resume", "approved", "--node-field-selector", "displayName=approve");
    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(server.weft("wait", "approved").exit()).isZero();
  }

  @Test
  void resumeByNodeNameReleasesTheSuspendStep() throws Exception {
    submit("by-node", APPROVAL);
    server.await("by-node", CliServerControlTest::waitingAtSuspendNode);
    Result r = server.weft("resume", "by-node", "--node", "approve");
    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(server.weft("wait", "by-node").exit()).isZero();
  }

  @Test
  void stopFailsTheWorkflowAfterItsExitHandler() throws Exception {
    submit("stopped", SLEEPS_WITH_EXIT_HANDLER);
    server.await("stopped", ServerFixture.phase("Running"));
    Result r = server.weft("stop", "stopped");
    assertThat(r.out()).as(r.all()).isEqualTo("workflow stopped stopped\n");
    assertThat(server.weft("wait", "stopped").exit()).isEqualTo(1);
    assertThat(server.weft("logs", "stopped").out()).contains(": cleaning-up");
    assertThat(server.weft("get", "stopped").out())
        .containsPattern("(?m)^Status:\\s+Failed \\(Terminated\\)$");
  }

  @Test
  void terminateFailsTheWorkflowWithoutItsExitHandler() throws Exception {
    submit("terminated", SLEEPS_WITH_EXIT_HANDLER);
    server.await("terminated", ServerFixture.phase("Running"));
    Result r = server.weft("terminate", "terminated");
    assertThat(r.out()).as(r.all()).isEqualTo("workflow terminated terminated\n");
    assertThat(server.weft("wait", "terminated").exit()).isEqualTo(1);
    assertThat(server.weft("logs", "terminated").out()).doesNotContain("cleaning-up");
  }

  @Test
  void stopOfCompletedWorkflowIsRefused() {
    Path f = write(dir, "quick.yaml", CliHarness.containerWorkflow("q-", "[echo, hi]"));
    server.weft("submit", f.toString(), "--name", "quick", "--wait");
    Result r = server.weft("stop", "quick");
    r.assertOneBadInputError();
    assertThat(r.error()).isEqualTo("weft: cannot shutdown a completed workflow");
  }
}
