package dev.weft.executor;

import static dev.weft.executor.Pods.await;
import static dev.weft.executor.Pods.sh;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A restarted executor (here: a second executor over the same pod directory) re-adopts what the
 * first started: it waits for running containers, reads the results of ended ones, and never runs a
 * container twice. Each run appends a line to /count in the container's root, shared by both.
 */
class ReadoptionTest {
  @TempDir Path dir;

  private static PodSpec pod(Path workDir, String script) {
    return PodSpec.of("pod", workDir, List.of(sh("main", "echo run >> /count; " + script)));
  }

  private static void awaitFile(Path file) throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(10);
    while (!Files.exists(file) && Instant.now().isBefore(deadline)) Thread.sleep(20);
  }

  @Test
  void aRestartedExecutorWaitsForARunningContainerInsteadOfStartingItAgain() throws Exception {
    Pods first = Pods.sandboxed(dir);
    PodSpec spec = pod(first.newWorkDir("pod"), "sleep 1; echo done");
    RunningPod original = first.start(spec);
    awaitFile(original.hostPath("main", "/count"));

    RunningPod adopted = Pods.sandboxed(dir).start(spec);
    PodOutcome outcome = await(adopted);

    assertThat(outcome.container("main").succeeded()).isTrue();
    assertThat(adopted.stdout("main", 100)).isEqualTo("done\n");
    assertThat(Files.readAllLines(adopted.hostPath("main", "/count"))).containsExactly("run");
    assertThat(await(original).container("main").succeeded()).isTrue();
  }

  @Test
  void aContainerThatEndedWhileNobodyWatchedKeepsItsExitCodeAndTimes() throws Exception {
    Pods first = Pods.sandboxed(dir);
    PodSpec spec = pod(first.newWorkDir("pod"), "exit 3");
    ContainerOutcome before = await(first.start(spec)).container("main");

    RunningPod adopted = Pods.sandboxed(dir).start(spec);
    ContainerOutcome after = await(adopted).container("main");

    assertThat(after.exitCode()).isEqualTo(3);
    assertThat(after).isEqualTo(before);
    assertThat(Files.readAllLines(adopted.hostPath("main", "/count"))).containsExactly("run");
  }

  @Test
  void killingAnAdoptedPodStopsItsContainer() throws Exception {
    Pods first = Pods.sandboxed(dir);
    PodSpec spec = pod(first.newWorkDir("pod"), "sleep 100");
    RunningPod original = first.start(spec);
    awaitFile(original.hostPath("main", "/count"));
    RunningPod adopted = Pods.sandboxed(dir).start(spec);
    Thread.sleep(300);

    adopted.kill("workflow shutdown");
    PodOutcome outcome = await(adopted);

    assertThat(outcome.container("main").exitCode()).isNotZero();
    assertThat(await(original).container("main").exitCode()).isNotZero();
  }

  @Test
  void leftoversOfAPodNobodyAdoptedAreKilledThroughTheirShims() throws Exception {
    Pods first = Pods.sandboxed(dir);
    PodSpec spec = pod(first.newWorkDir("pod"), "sleep 100");
    RunningPod original = first.start(spec);
    awaitFile(original.hostPath("main", "/count"));

    SandboxExecutor.killLeftovers(spec.workDir());
    ContainerOutcome outcome = await(original).container("main");

    assertThat(outcome.exitCode()).isEqualTo(137);
  }

  @Test
  void aContainerGetsSigintAndSigquitWithTheirDefaultActions() throws Exception {
    Pods pods = Pods.sandboxed(dir);
    // A shell without job control would start a background command with both ignored (bits 1, 2).
    PodOutcome outcome =
        pods.run(
            sh(
                "main",
                "ign=$(awk '/^SigIgn/ {print $2}' /proc/self/status); echo $ign;"
                    + " test $(( 0x$ign & 6 )) -eq 0"));

    assertThat(outcome.container("main").exitCode())
        .as(() -> pods.lastPod().stdout("main", 1000))
        .isZero();
  }

  @Test
  void theShimOutlivesTheProcessThatStartedIt() throws Exception {
    Path state = dir.resolve("state");
    Path out = dir.resolve("out");
    List<String> argv =
        new Shim(state).wrap(List.of("/bin/sh", "-c", "sleep 1; echo late >" + out));
    // A parent that starts the shim and is killed at once, as a crashed server would be.
    List<String> parentArgv =
        concat(List.of("/bin/sh", "-c", "\"$@\" & sleep 0.3; kill -9 $$", "parent"), argv);
    new ProcessBuilder(parentArgv).start().waitFor();

    awaitFile(state.resolve("exit"));

    assertThat(out).hasContent("late");
    assertThat(new Shim(state).ended()).hasValueSatisfying(e -> assertThat(e.exitCode()).isZero());
  }

  private static List<String> concat(List<String> a, List<String> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }
}
