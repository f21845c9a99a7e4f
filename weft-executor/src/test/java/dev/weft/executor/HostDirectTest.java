package dev.weft.executor;

import static dev.weft.executor.Pods.await;
import static dev.weft.executor.Pods.container;
import static dev.weft.executor.Pods.sh;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostDirectTest {
  @TempDir Path dir;
  Pods pods;

  @BeforeEach
  void setUp() {
    pods = Pods.hostDirect(dir);
  }

  @Test
  void echoIsCapturedToTheStdoutFile() {
    RunningPod pod = pods.start("echo", container("main", "busybox", "echo", "direct"));

    assertThat(await(pod).container("main").succeeded()).isTrue();
    assertThat(pod.stdout("main", 100)).isEqualTo("direct\n");
  }

  @Test
  void processRunsInTheContainerRootWithShimsOnPath() {
    RunningPod pod =
        pods.start("shims", container("main", "python:3", "sh", "-c", "pwd; command -v python"));

    await(pod);

    Path shimDir = dir.resolve("shims");
    assertThat(pod.stdout("main", 1000).lines().toList())
        .hasSize(2)
        .satisfies(lines -> assertThat(Path.of(lines.get(0))).isEqualTo(pod.hostPath("main", "/")))
        .satisfies(lines -> assertThat(lines.get(1)).startsWith(shimDir.toString()));
  }

  @Test
  void killEndsTheProcessGroupQuickly() throws Exception {
    RunningPod pod =
        pods.start("sleeper", sh("main", "(sleep 1; echo late > late) & echo up; sleep 100"));
    KillTest.awaitStarted(pod, "main");

    pod.kill("stop");
    PodOutcome outcome = await(pod);
    Thread.sleep(1500);

    assertThat(outcome.killedReason()).contains("stop");
    assertThat(pod.hostPath("main", "late")).doesNotExist();
  }

  @Test
  void asRootWithoutASandboxAStepIsRefused() {
    ContainerOutcome outcome =
        Pods.hostDirectAsRoot(dir.resolve("root"))
            .run(sh("main", "touch /tmp/x"))
            .container("main");

    assertThat(outcome.started()).isFalse();
    assertThat(outcome.error().orElseThrow()).contains("a step is never run as host root");
  }

  @Test
  void missingExecutableIsAnError() {
    ContainerOutcome outcome =
        pods.run(ContainerSpec.of("main", "alpine", List.of("nope"), List.of())).container("main");

    assertThat(outcome.error()).contains("executable file not found: \"nope\"");
  }
}
