package dev.weft.cli;

import static dev.weft.cli.CliHarness.weft;
import static dev.weft.cli.CliHarness.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.cli.CliHarness.Result;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** `weft resume`, `weft stop` and `weft terminate`, sent to a `weft run` in progress. */
class CliControlTest {
  @TempDir Path dir;

  @BeforeEach
  void home(@TempDir Path home) {
    System.setProperty("weft.home", home.toString());
  }

  private static final String SUSPENDS =
      """
      apiVersion: argoproj.io/v1alpha1
      kind: Workflow
      metadata:
        generateName: suspends-
      spec:
        entrypoint: main
        templates:
        - name: main
          steps:
          - - name: wait
              template: approval
          - - name: after
              template: echo
        - name: approval
          suspend: {}
        - name: echo
          container:
            image: busybox
            command: [echo, resumed-and-ran]
      """;

  private static final String TWO_SUSPENDS =
      """
      apiVersion: argoproj.io/v1alpha1
      kind: Workflow
      metadata:
        generateName: two-
      spec:
        entrypoint: main
        templates:
        - name: main
          steps:
          - - name: first
              template: approval
          - - name: second
              template: approval
        - name: approval
          suspend: {}
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
          steps:
          - - name: nap
              template: sleep
        - name: sleep
          container:
            image: busybox
            command: [sleep, "60"]
        - name: cleanup
          container:
            image: busybox
            command: [echo, cleaning-up]
      """;

  /** A `weft run` in a background thread, its output readable while it runs. */
  private record Background(CompletableFuture<Integer> exit, ByteArrayOutputStream output) {
    String text() {
      return output.toString(StandardCharsets.UTF_8);
    }

    void awaitOutput(String fragment) throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (!text().contains(fragment)) {
        assertThat(exit).as("the run ended before printing %s:%n%s", fragment, text()).isNotDone();
        assertThat(System.nanoTime() < deadline)
            .as("the run has not printed %s:%n%s", fragment, text())
            .isTrue();
        Thread.sleep(50);
      }
    }

    int awaitExit() throws Exception {
      try {
        return exit.get(20, TimeUnit.SECONDS);
      } catch (TimeoutException e) {
        throw new AssertionError("the run has not ended; it printed:\n" + text(), e);
      }
    }
  }

  private static Background start(String... args) {
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    CompletableFuture<Integer> exit = new CompletableFuture<>();
    // its own thread: a run on a ForkJoinPool common-pool thread stalls its pods (see CliRunTest)
    Thread.ofPlatform()
        .daemon()
        .name("weft-run-" + args[args.length - 1])
        .start(
            () -> {
              try {
                exit.complete(CliHarness.weft(output, args));
              } catch (Throwable t) {
                exit.completeExceptionally(t);
              }
            });
    return new Background(exit, output);
  }

  /** Sends a control command until the run answers (its socket may not be open yet). */
  private static Result sendUntilOk(Background run, String... args) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (true) {
      Result r = weft(args);
      if (r.exit() == 0) return r;
      assertThat(run.exit().isDone() || System.nanoTime() > deadline)
          .as(
              "no answer to %s: %s%nthe run printed:%n%s",
              String.join(" ", args), r.all(), run.text())
          .isFalse();
      Thread.sleep(100);
    }
  }

  @Test
  @Timeout(30)
  void resumeLetsSuspendedRunSucceed() throws Exception {
    Path f = write(dir, "suspends.yaml", SUSPENDS);
    Background run = start("run", f.toString(), "--name", "approve-me");
    Result resumed = sendUntilOk(run, "resume", "approve-me");
    assertThat(resumed.out()).contains("resumed approve-me");
    assertThat(run.awaitExit()).as(run.text()).isZero();
    assertThat(run.text())
        .contains("Status:     Succeeded")
        .containsPattern("(?m)^approve-me-echo-\\d+: resumed-and-ran$");
  }

  @Test
  @Timeout(30)
  void resumeOfSuspendedNodeByNameLetsRunSucceed() throws Exception {
    Path f = write(dir, "suspends.yaml", SUSPENDS);
    Background run = start("run", f.toString(), "--name", "approve-node");
    run.awaitOutput("ǁ approve-node[0].wait  Running");
    Result resumed = weft("resume", "approve-node", "--node", "approve-node[0].wait");
    assertThat(resumed.exit()).as(resumed.all()).isZero();
    assertThat(run.awaitExit()).as(run.text()).isZero();
    assertThat(run.text()).contains("Status:     Succeeded");
  }

  @Test
  @Timeout(30)
  void resumeOfSuspendedNodeByDisplayNameLetsRunSucceed() throws Exception {
    Path f = write(dir, "suspends.yaml", SUSPENDS);
    Background run = start("run", f.toString(), "--name", "approve-display");
    run.awaitOutput("ǁ approve-display[0].wait  Running");
    Result resumed = weft("resume", "approve-display", "--node", "wait");
    assertThat(resumed.exit()).as(resumed.all()).isZero();
    assertThat(run.awaitExit()).as(run.text()).isZero();
    assertThat(run.text()).contains("Status:     Succeeded");
  }

  @Test
  @Timeout(30)
  void resumeReleasesOnlyStepsSuspendedAtTheTime() throws Exception {
    Path f = write(dir, "two.yaml", TWO_SUSPENDS);
    Background run = start("run", f.toString(), "--name", "twice");
    run.awaitOutput("ǁ twice[0].first  Running");
    assertThat(weft("resume", "twice").exit()).isZero();
    run.awaitOutput("ǁ twice[1].second  Running");
    assertThat(weft("resume", "twice").exit()).isZero();
    assertThat(run.awaitExit()).as(run.text()).isZero();
  }

  @Test
  @Timeout(30)
  void stopEndsRunFailedAfterRunningExitHandler() throws Exception {
    Path f = write(dir, "sleeps.yaml", SLEEPS_WITH_EXIT_HANDLER);
    Background run = start("run", f.toString(), "--name", "stop-me");
    run.awaitOutput("● stop-me[0].nap  Running");
    Result stopped = sendUntilOk(run, "stop", "stop-me");
    assertThat(stopped.out()).contains("stopping stop-me");
    assertThat(run.awaitExit()).as(run.text()).isEqualTo(1);
    assertThat(run.text())
        .contains("Status:     Failed")
        .containsPattern("(?m)^stop-me-cleanup-\\d+: cleaning-up$")
        .containsPattern("(?m)^ ✔ stop-me\\.onExit\\s+cleanup\\s");
  }

  @Test
  @Timeout(30)
  void terminateEndsRunFailedWithoutExitHandler() throws Exception {
    Path f = write(dir, "sleeps.yaml", SLEEPS_WITH_EXIT_HANDLER);
    Background run = start("run", f.toString(), "--name", "kill-me");
    run.awaitOutput("● kill-me[0].nap  Running");
    Result terminated = sendUntilOk(run, "terminate", "kill-me");
    assertThat(terminated.out()).contains("terminating kill-me");
    assertThat(run.awaitExit()).as(run.text()).isEqualTo(1);
    assertThat(run.text()).contains("Status:     Failed").doesNotContain("cleaning-up");
  }

  @Test
  @Timeout(30)
  void suspendReachesTheLocalRunAndResumeReleasesIt() throws Exception {
    String napFirst =
        SUSPENDS.replace("suspend: {}", "container: {image: busybox, command: [sleep, \"2\"]}");
    Path f = write(dir, "naps.yaml", napFirst);
    Background run = start("run", f.toString(), "--name", "pause-me");
    run.awaitOutput("● pause-me[0].wait  Running");
    Result suspended = sendUntilOk(run, "suspend", "pause-me");
    assertThat(suspended.out()).contains("suspended pause-me");
    run.awaitOutput("✔ pause-me[0].wait  Succeeded");
    Thread.sleep(500);
    assertThat(run.text()).as("no step starts while suspended").doesNotContain("pause-me[1]");
    assertThat(weft("resume", "pause-me").exit()).isZero();
    assertThat(run.awaitExit()).as(run.text()).isZero();
  }

  @Test
  void resumeWithNoRunningWorkflowIsBadInput() {
    Result r = weft("resume", "nobody-runs-this");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.errorLines())
        .singleElement()
        .asString()
        .contains("no running workflow")
        .contains("nobody-runs-this");
    assertThat(r.out()).isEmpty();
    r.assertNoStackTrace();
  }

  @Test
  void stopWithNoRunningWorkflowIsBadInput() {
    Result r = weft("stop", "nobody-runs-this");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("no running workflow");
    r.assertNoStackTrace();
  }
}
