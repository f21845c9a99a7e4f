package dev.weft.kube.sim;

import static dev.weft.kube.sim.SimCluster.pod;
import static dev.weft.kube.sim.SimCluster.sh;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pod lifecycle as a controller sees it through the API. */
class SimulatedKubeletTest {
  @TempDir Path dir;
  SimCluster sim;

  @BeforeEach
  void start() {
    sim = SimCluster.start(dir);
  }

  @AfterEach
  void stop() {
    if (sim != null) {
      assertThat(sim.kubelet.errors()).isEmpty();
      sim.close();
    }
  }

  @Test
  void failingContainerFailsThePodWithItsExitCodeAndServesItsLog() throws Exception {
    sim.create(pod("p", sh("main", "echo hi; exit 3")));
    Pod p = sim.awaitPhase("p", "Failed");
    ContainerStateTerminated t = SimCluster.status(p, "main").getState().getTerminated();
    assertThat(t.getExitCode()).isEqualTo(3);
    assertThat(t.getReason()).isEqualTo("Error");
    assertThat(t.getStartedAt()).isNotNull();
    assertThat(t.getFinishedAt()).isNotNull();
    var log = sim.log("p", "main");
    assertThat(log.statusCode()).isEqualTo(200);
    assertThat(log.body()).isEqualTo("hi\n");
    assertThat(sim.log("p", null).body()).isEqualTo("hi\n");
    assertThat(sim.log("p", "nope").statusCode()).isEqualTo(400);
  }

  @Test
  void succeedingPodEndsSucceededWithReasonCompleted() {
    sim.create(pod("ok", sh("main", "true")));
    Pod p = sim.awaitPhase("ok", "Succeeded");
    var t = SimCluster.status(p, "main").getState().getTerminated();
    assertThat(t.getExitCode()).isZero();
    assertThat(t.getReason()).isEqualTo("Completed");
    assertThat(p.getStatus().getPodIP()).isEqualTo("127.0.0.1");
    assertThat(p.getStatus().getStartTime()).isNotNull();
    assertThat(p.getMetadata().getFinalizers()).containsExactly(Finalizers.NAME);
  }

  @Test
  void statusMovesFromPendingThroughRunningToSucceededAsAWatchSeesIt() throws Exception {
    List<String> seen = new CopyOnWriteArrayList<>();
    var watch =
        sim.client()
            .pods()
            .withName("w")
            .watch(
                new Watcher<Pod>() {
                  @Override
                  public void eventReceived(Action action, Pod pod) {
                    if (pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null) {
                      return;
                    }
                    var state = SimCluster.status(pod, "main").getState();
                    String c =
                        state.getWaiting() != null
                            ? "waiting:" + state.getWaiting().getReason()
                            : state.getRunning() != null ? "running" : "terminated";
                    String entry = pod.getStatus().getPhase() + "/" + c;
                    if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(entry)) seen.add(entry);
                  }

                  @Override
                  public void onClose(WatcherException cause) {}
                });
    try {
      sim.create(pod("w", sh("main", "sleep 0.3")));
      sim.awaitPhase("w", "Succeeded");
      SimCluster.awaitValue(
          () -> seen.contains("Succeeded/terminated") ? true : null, "the watch to see the end");
    } finally {
      watch.close();
    }
    assertThat(seen)
        .containsSubsequence(
            "Pending/waiting:ContainerCreating", "Running/running", "Succeeded/terminated");
  }

  @Test
  void emptyDirIsSharedByTheContainersOfAPod() throws Exception {
    var pod =
        pod(
                "share",
                withMount(sh("writer", "echo from-writer > /shared/f"), "scratch", "/shared"),
                withMount(
                    sh("reader", "while [ ! -f /shared/f ]; do sleep 0.05; done; cat /shared/f"),
                    "scratch",
                    "/shared"))
            .editSpec()
            .addNewVolume()
            .withName("scratch")
            .withNewEmptyDir()
            .endEmptyDir()
            .endVolume()
            .endSpec();
    sim.create(pod);
    sim.awaitPhase("share", "Succeeded");
    assertThat(sim.log("share", "reader").body()).isEqualTo("from-writer\n");
  }

  @Test
  void initContainersRunFirstInOrder() throws Exception {
    var pod =
        pod("init", withMount(sh("main", "cat /w/order"), "w", "/w"))
            .editSpec()
            .addToInitContainers(withMount(sh("one", "echo one >> /w/order"), "w", "/w"))
            .addToInitContainers(withMount(sh("two", "echo two >> /w/order"), "w", "/w"))
            .addNewVolume()
            .withName("w")
            .withNewEmptyDir()
            .endEmptyDir()
            .endVolume()
            .endSpec();
    sim.create(pod);
    Pod p = sim.awaitPhase("init", "Succeeded");
    assertThat(sim.log("init", "main").body()).isEqualTo("one\ntwo\n");
    assertThat(p.getStatus().getInitContainerStatuses())
        .allSatisfy(
            s -> assertThat(s.getState().getTerminated().getReason()).isEqualTo("Completed"));
    assertThat(p.getStatus().getConditions())
        .anySatisfy(
            c -> {
              assertThat(c.getType()).isEqualTo("Initialized");
              assertThat(c.getStatus()).isEqualTo("True");
            });
  }

  @Test
  void failingInitContainerFailsThePodAndNoContainerRuns() throws Exception {
    var pod =
        pod("initfail", sh("main", "echo ran"))
            .editSpec()
            .addToInitContainers(sh("setup", "exit 7"))
            .endSpec();
    sim.create(pod);
    Pod p = sim.awaitPhase("initfail", "Failed");
    assertThat(SimCluster.status(p, "setup").getState().getTerminated().getExitCode()).isEqualTo(7);
    assertThat(SimCluster.status(p, "main").getState().getWaiting().getReason())
        .isEqualTo("PodInitializing");
    assertThat(sim.log("initfail", "main").statusCode()).isEqualTo(400);
  }

  @Test
  void everyPodCreationIsCounted() {
    sim.create(pod("c1", sh("main", "true")));
    sim.awaitPhase("c1", "Succeeded");
    sim.client().pods().withName("c1").delete();
    sim.awaitGone("c1");
    sim.create(pod("c1", sh("main", "true")));
    sim.create(pod("c2", sh("main", "true")));
    sim.awaitPhase("c1", "Succeeded");
    assertThat(sim.cluster.podCreations())
        .containsEntry("default/c1", 2)
        .containsEntry("default/c2", 1);
  }

  @Test
  void missingExecutableEndsTheContainerWithStartError() {
    var c =
        new io.fabric8.kubernetes.api.model.ContainerBuilder()
            .withName("main")
            .withImage("alpine:3")
            .withCommand("no-such-program")
            .build();
    sim.create(pod("noexec", c));
    Pod p = sim.awaitPhase("noexec", "Failed");
    var t = SimCluster.status(p, "main").getState().getTerminated();
    assertThat(t.getExitCode()).isEqualTo(128);
    assertThat(t.getReason()).isEqualTo("StartError");
    assertThat(t.getMessage()).contains("no-such-program");
  }

  static io.fabric8.kubernetes.api.model.Container withMount(
      io.fabric8.kubernetes.api.model.Container c, String volume, String path) {
    return new io.fabric8.kubernetes.api.model.ContainerBuilder(c)
        .addNewVolumeMount()
        .withName(volume)
        .withMountPath(path)
        .endVolumeMount()
        .build();
  }
}
