package dev.weft.executor;

import static dev.weft.executor.Pods.await;
import static dev.weft.executor.Pods.sh;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A container that traps SIGTERM gets it once per process, as from a kubelet: the stop is sent
 * again only while nothing but the sandbox's own bwrap was there to get it.
 */
class KillOnceTest {
  @TempDir Path dir;

  /** Writes a line per SIGTERM and keeps running, so only the grace's SIGKILL ends it. */
  private static final String TRAPS =
      "trap 'echo term >> /tmp/terms' TERM; echo up; while :; do sleep 0.05; done";

  private static List<String> terms(RunningPod pod) throws Exception {
    Path file = pod.hostPath("main", "/tmp/terms");
    return Files.exists(file) ? Files.readAllLines(file) : List.of();
  }

  @Test
  void aRunningContainerThatTrapsSigtermGetsItOnce() throws Exception {
    Pods pods = Pods.sandboxed(dir, Duration.ofMillis(1500));
    RunningPod pod = pods.start("trapper", sh("main", TRAPS));
    KillTest.awaitStarted(pod, "main");

    pod.kill("stop");
    PodOutcome outcome = await(pod);

    assertThat(outcome.container("main").exitCode()).isEqualTo(137);
    assertThat(terms(pod)).containsExactly("term");
  }

  @Test
  void aContainerStoppedWhileItsSandboxStartsGetsSigtermAtMostOnce() throws Exception {
    Pods pods = Pods.sandboxed(dir, Duration.ofMillis(800));
    for (int delayMillis = 0; delayMillis < 40; delayMillis += 4) {
      RunningPod pod = pods.start("early-" + delayMillis, sh("main", TRAPS));
      Thread.sleep(delayMillis);

      pod.kill("stop");
      await(pod);

      assertThat(terms(pod)).as("delay %d ms", delayMillis).hasSizeLessThanOrEqualTo(1);
    }
  }
}
