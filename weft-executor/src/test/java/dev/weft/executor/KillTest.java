package dev.weft.executor;

import static dev.weft.executor.Pods.await;
import static dev.weft.executor.Pods.sh;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KillTest {
  @TempDir Path dir;
  Pods pods;

  @BeforeEach
  void setUp() {
    pods = Pods.sandboxed(dir);
  }

  static void awaitStarted(RunningPod pod, String container) throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(10);
    while (pod.stdout(container, 100).isEmpty() && Instant.now().isBefore(deadline)) {
      Thread.sleep(20);
    }
  }

  @Test
  void killEndsASleepQuicklyAndRecordsTheReason() throws Exception {
    RunningPod pod = pods.start("sleeper", sh("main", "echo up; sleep 100"));
    awaitStarted(pod, "main");

    pod.kill("workflow shutdown");
    PodOutcome outcome = await(pod);

    assertThat(outcome.killedReason()).contains("workflow shutdown");
    assertThat(outcome.container("main").exitCode()).isNotZero();
  }

  @Test
  void killKillsTheWholeProcessTree() throws Exception {
    RunningPod pod =
        pods.start(
            "tree",
            sh("main", "(sh -c 'sleep 1; echo late > /tmp/late') & echo up; sleep 100; wait"));
    awaitStarted(pod, "main");

    pod.kill("stop");
    await(pod);
    Thread.sleep(1500);

    assertThat(pod.hostPath("main", "/tmp/late")).doesNotExist();
  }

  @Test
  void killBeforeAContainerStartsMeansItNeverRuns() throws Exception {
    PodSpec spec =
        PodSpec.of(
            "later",
            pods.newWorkDir("later"),
            List.of(
                sh("first", "echo up; sleep 100"),
                sh("second", "touch /tmp/ran").withDependencies(List.of("first"))));
    RunningPod pod = pods.start(spec);
    awaitStarted(pod, "first");

    pod.kill("cancelled");
    PodOutcome outcome = await(pod);

    assertThat(outcome.container("second").started()).isFalse();
    assertThat(outcome.container("second").error())
        .hasValueSatisfying(e -> assertThat(e).contains("cancelled"));
    assertThat(pod.hostPath("second", "/tmp/ran")).doesNotExist();
  }

  /**
   * A stop that lands while the sandbox is still starting (its shim runs, the command not yet)
   * reaches the command once it exists: with an hour between SIGTERM and SIGKILL, nothing but
   * SIGTERM can end these sleeps before the await gives up.
   */
  @Test
  void killWhileTheSandboxIsStartingStillEndsTheCommand() throws Exception {
    Pods patient = Pods.sandboxed(dir.resolve("patient"), Duration.ofHours(1));
    for (int delayMillis = 0; delayMillis < 40; delayMillis += 2) {
      RunningPod pod = patient.start("early-" + delayMillis, sh("main", "sleep 30"));
      Thread.sleep(delayMillis);

      pod.kill("stop");
      PodOutcome outcome = await(pod);

      assertThat(outcome.container("main").exitCode()).as("delay %d ms", delayMillis).isNotZero();
    }
  }

  /**
   * With no grace at all, SIGKILL is the only signal: one that lands before the sandbox has started
   * the command must still end it once it starts.
   */
  @Test
  void killWithoutGraceWhileTheSandboxIsStartingStillEndsTheCommand() throws Exception {
    Pods hasty = Pods.sandboxed(dir.resolve("hasty"), Duration.ZERO);
    for (int delayMillis = 0; delayMillis < 40; delayMillis += 2) {
      RunningPod pod = hasty.start("early-" + delayMillis, sh("main", "trap '' TERM; sleep 30"));
      Thread.sleep(delayMillis);

      pod.kill("stop");
      PodOutcome outcome = await(pod);

      assertThat(outcome.container("main").exitCode()).as("delay %d ms", delayMillis).isNotZero();
    }
  }
}
