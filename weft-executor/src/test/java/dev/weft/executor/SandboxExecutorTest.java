package dev.weft.executor;

import static dev.weft.executor.Pods.await;
import static dev.weft.executor.Pods.container;
import static dev.weft.executor.Pods.sh;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SandboxExecutorTest {
  @TempDir Path dir;
  Pods pods;

  @BeforeEach
  void setUp() {
    pods = Pods.sandboxed(dir);
  }

  @Test
  void echoIsCapturedToTheStdoutFile() throws Exception {
    RunningPod pod = pods.start("echo", container("main", "busybox", "echo", "hello weft"));

    ContainerOutcome outcome = await(pod).container("main");

    assertThat(outcome.succeeded()).isTrue();
    assertThat(Files.readString(pod.stdoutFile("main"))).isEqualTo("hello weft\n");
  }

  @Test
  void stderrIsCapturedToItsOwnFile() throws Exception {
    RunningPod pod = pods.start("err", sh("main", "echo out; echo oops >&2"));

    await(pod);

    assertThat(Files.readString(pod.stdoutFile("main"))).isEqualTo("out\n");
    assertThat(Files.readString(pod.stderrFile("main"))).isEqualTo("oops\n");
  }

  @Test
  void stdoutIsReadUpToAByteLimit() {
    RunningPod pod = pods.start("limit", sh("main", "printf 0123456789"));

    await(pod);

    assertThat(pod.stdout("main", 4)).isEqualTo("0123");
  }

  @Test
  void exitCodeIsPropagated() {
    ContainerOutcome outcome = pods.run(sh("main", "exit 3")).container("main");

    assertThat(outcome.exitCode()).isEqualTo(3);
    assertThat(outcome.started()).isTrue();
    assertThat(outcome.error()).isEmpty();
  }

  @Test
  void missingExecutableIsAnErrorNotAnExitCode() {
    ContainerOutcome outcome =
        pods.run(container("main", "alpine", "no-such-program", "x")).container("main");

    assertThat(outcome.started()).isFalse();
    assertThat(outcome.error()).contains("executable file not found: \"no-such-program\"");
  }

  @Test
  void parallelPodsWritingTheSameAbsolutePathSeeOnlyTheirOwn() throws Exception {
    RunningPod a = pods.start("a", sh("main", "echo A > /tmp/x; sleep 0.3; cat /tmp/x"));
    RunningPod b = pods.start("b", sh("main", "echo B > /tmp/x; sleep 0.3; cat /tmp/x"));

    await(a);
    await(b);

    assertThat(a.stdout("main", 100)).isEqualTo("A\n");
    assertThat(b.stdout("main", 100)).isEqualTo("B\n");
    assertThat(Files.readString(a.hostPath("main", "/tmp/x"))).isEqualTo("A\n");
    assertThat(Files.readString(b.hostPath("main", "/tmp/x"))).isEqualTo("B\n");
  }

  @Test
  void volumeMountIsSharedBetweenPods() throws Exception {
    Path volume = dir.resolve("volume");
    List<Mount> mounts = List.of(new Mount(volume, "/mnt/vol", false));
    await(pods.start("writer", sh("main", "echo shared > /mnt/vol/f").withMounts(mounts)));

    RunningPod reader = pods.start("reader", sh("main", "cat /mnt/vol/f").withMounts(mounts));
    await(reader);

    assertThat(reader.stdout("main", 100)).isEqualTo("shared\n");
    assertThat(reader.hostPath("main", "/mnt/vol/f")).isEqualTo(volume.resolve("f"));
  }

  @Test
  void readOnlyMountCannotBeWritten() {
    Mount mount = new Mount(dir.resolve("ro"), "/data", true);

    ContainerOutcome outcome =
        pods.run(sh("main", "echo x > /data/f").withMounts(List.of(mount))).container("main");

    assertThat(outcome.exitCode()).isNotZero();
    assertThat(dir.resolve("ro/f")).doesNotExist();
  }

  @Test
  void fileInputAppearsAtItsPath() throws Exception {
    Path source = Files.writeString(dir.resolve("in.txt"), "input artifact");
    ContainerSpec spec =
        sh("main", "cat /inputs/in.txt")
            .withInputs(List.of(new FileInput(source, "/inputs/in.txt")));

    RunningPod pod = pods.start("input", spec);
    await(pod);

    assertThat(pod.stdout("main", 100)).isEqualTo("input artifact");
  }

  @Test
  void directoryInputUnderAMountGoesIntoTheMountDir() throws Exception {
    Path source = Files.createDirectories(dir.resolve("src/sub"));
    Files.writeString(source.resolve("f"), "deep");
    Path volume = dir.resolve("vol");
    ContainerSpec spec =
        sh("main", "cat /work/in/sub/f")
            .withMounts(List.of(new Mount(volume, "/work", false)))
            .withInputs(List.of(new FileInput(dir.resolve("src"), "/work/in")));

    RunningPod pod = pods.start("dir-input", spec);
    await(pod);

    assertThat(pod.stdout("main", 100)).isEqualTo("deep");
    assertThat(volume.resolve("in/sub/f")).hasContent("deep");
  }

  @Test
  void environmentIsCleanWithPathHomeHostnameAndSpecEnv() {
    ContainerSpec spec = sh("main", "env | sort; hostname").withEnv(Map.of("GREETING", "hi"));

    RunningPod pod = pods.start(PodSpec.of("env-pod", pods.newWorkDir("env"), List.of(spec)));
    await(pod);

    assertThat(pod.stdout("main", 10_000).lines().toList())
        .contains(
            "PATH=/opt/weft/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
            "HOME=/root",
            "HOSTNAME=env-pod",
            "GREETING=hi",
            "env-pod")
        .noneMatch(line -> line.startsWith("JAVA_HOME="));
  }

  @Test
  void argsReferencingEnvAreExpandedLikeKubernetes() {
    ContainerSpec spec =
        ContainerSpec.of("main", "alpine", List.of("echo"), List.of("$(WHO) and $$(WHO)"))
            .withEnv(Map.of("WHO", "world"));

    RunningPod pod = pods.start("expand", spec);
    await(pod);

    assertThat(pod.stdout("main", 100)).isEqualTo("world and $(WHO)\n");
  }

  @Test
  void workingDirIsCreatedAndUsed() {
    RunningPod pod = pods.start("wd", sh("main", "pwd").withWorkingDir("/src/app"));

    await(pod);

    assertThat(pod.stdout("main", 100)).isEqualTo("/src/app\n");
  }

  @Test
  void containerWithoutCommandRunsItsFirstArg() {
    RunningPod pod =
        pods.start("args", ContainerSpec.of("main", "debian", List.of(), List.of("echo", "hi")));

    await(pod);

    assertThat(pod.stdout("main", 100)).isEqualTo("hi\n");
  }

  @Test
  void scriptSourceRunsWithPython() {
    ContainerSpec spec =
        container("main", "python:alpine3.6", "python")
            .withScript("import sys\nprint('script', sys.argv[0])\n");

    RunningPod pod = pods.start("script", spec);
    await(pod);

    assertThat(pod.stdout("main", 100)).isEqualTo("script /argo/staging/script\n");
  }

  @Test
  void memoryLimitStopsAnAllocationAboveIt() {
    ContainerSpec spec =
        container("main", "python:3", "python", "-c", "b = bytearray(300 * 1024 * 1024)")
            .withLimits(Resources.memory(100L * 1024 * 1024));

    ContainerOutcome outcome = pods.run(spec).container("main");

    assertThat(outcome.exitCode()).isNotZero();
    assertThat(pods.lastPod().stderrFile("main")).content().contains("MemoryError");
  }
}
