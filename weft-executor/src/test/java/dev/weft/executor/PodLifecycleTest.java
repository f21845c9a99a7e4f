package dev.weft.executor;

import static dev.weft.executor.Pods.await;
import static dev.weft.executor.Pods.sh;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PodLifecycleTest {
  @TempDir Path dir;
  Pods pods;

  @BeforeEach
  void setUp() {
    pods = Pods.sandboxed(dir);
  }

  @Test
  void initContainersRunBeforeTheContainers() {
    Path shared = dir.resolve("shared");
    List<Mount> mounts = List.of(new Mount(shared, "/shared", false));
    PodSpec spec =
        new PodSpec(
            "init-ok",
            List.of(sh("init", "echo prepared > /shared/f").withMounts(mounts)),
            List.of(sh("main", "cat /shared/f").withMounts(mounts)),
            Set.of(),
            pods.newWorkDir("init-ok"));

    RunningPod pod = pods.start(spec);
    await(pod);

    assertThat(pod.stdout("main", 100)).isEqualTo("prepared\n");
  }

  @Test
  void failingInitContainerStopsThePod() {
    PodSpec spec =
        new PodSpec(
            "init-fail",
            List.of(sh("init1", "exit 2"), sh("init2", "true")),
            List.of(sh("main", "echo main")),
            Set.of(),
            pods.newWorkDir("init-fail"));

    PodOutcome outcome = await(pods.start(spec));

    assertThat(outcome.containers().keySet()).containsExactly("init1", "init2", "main");
    assertThat(outcome.container("init1").exitCode()).isEqualTo(2);
    assertThat(outcome.container("init2").started()).isFalse();
    assertThat(outcome.container("main").started()).isFalse();
    assertThat(outcome.container("main").error())
        .contains("not run: init container \"init1\" failed");
  }

  @Test
  void dependentContainerStartsAfterItsDependencyEnded() {
    PodSpec spec =
        PodSpec.of(
            "graph",
            pods.newWorkDir("graph"),
            List.of(sh("b", "true").withDependencies(List.of("a")), sh("a", "sleep 0.3")));

    PodOutcome outcome = await(pods.start(spec));

    assertThat(outcome.container("b").succeeded()).isTrue();
    assertThat(outcome.container("b").startedAt())
        .isAfterOrEqualTo(outcome.container("a").finishedAt());
  }

  @Test
  void independentContainersRunInParallel() {
    PodSpec spec =
        PodSpec.of(
            "parallel",
            pods.newWorkDir("parallel"),
            List.of(sh("a", "sleep 0.5"), sh("b", "sleep 0.5")));

    PodOutcome outcome = await(pods.start(spec));

    assertThat(outcome.container("b").startedAt()).isBefore(outcome.container("a").finishedAt());
  }

  @Test
  void failedDependencyMeansTheDependentDoesNotRun() {
    PodSpec spec =
        PodSpec.of(
            "graph-fail",
            pods.newWorkDir("graph-fail"),
            List.of(sh("a", "exit 1"), sh("b", "true").withDependencies(List.of("a"))));

    ContainerOutcome b = await(pods.start(spec)).container("b");

    assertThat(b.started()).isFalse();
    assertThat(b.error()).contains("not run: dependency \"a\" did not succeed");
  }

  @Test
  void dependencyCycleIsReportedNotAwaitedForever() {
    PodSpec spec =
        PodSpec.of(
            "cycle",
            pods.newWorkDir("cycle"),
            List.of(
                sh("a", "true").withDependencies(List.of("b")),
                sh("b", "true").withDependencies(List.of("a"))));

    PodOutcome outcome = await(pods.start(spec));

    assertThat(outcome.container("a").error())
        .hasValueSatisfying(e -> assertThat(e).contains("cycle"));
  }

  @Test
  void sidecarIsKilledWhenTheMainContainerEnds() {
    PodSpec spec =
        new PodSpec(
            "sidecar",
            List.of(),
            List.of(sh("main", "sleep 0.3"), sh("proxy", "sleep 100")),
            Set.of("proxy"),
            pods.newWorkDir("sidecar"));

    PodOutcome outcome = await(pods.start(spec));

    assertThat(outcome.container("main").succeeded()).isTrue();
    assertThat(outcome.container("proxy").started()).isTrue();
    assertThat(outcome.container("proxy").finishedAt())
        .isAfterOrEqualTo(outcome.container("main").finishedAt());
    assertThat(outcome.killedReason()).isEmpty();
  }
}
