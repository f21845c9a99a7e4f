package dev.weft.kube.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.executor.SandboxMode;
import dev.weft.kube.sim.ExecutorImage;
import dev.weft.kube.sim.MockCluster;
import dev.weft.kube.sim.SimulatedKubelet;
import dev.weft.kube.store.KubeKind;
import dev.weft.kube.store.KubeStore;
import dev.weft.store.ResourceKind;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the controller makes of a kubelet's bad news: evictions, OOM kills, deleted pods. */
class KubeFaultsTest {
  @TempDir Path dir;
  private MockCluster cluster;
  private SimulatedKubelet kubelet;
  private KubeController controller;

  @BeforeEach
  void start() throws Exception {
    boolean works = SandboxMode.detect() == SandboxMode.NAMESPACES;
    if ("true".equals(System.getenv("CI"))) assertThat(works).isTrue();
    assumeTrue(works, () -> SandboxMode.probe().message());
    cluster = new MockCluster();
    kubelet = new SimulatedKubelet(cluster, dir.resolve("kubelet"));
    kubelet.addImageLayer(ExecutorImage.build(dir.resolve("image")));
    controller =
        KubeController.start(
            cluster.client(),
            new ControllerOptions(
                null, null, ExecutorImage.IMAGE, 4, "weft-controller-configmap", "default"));
  }

  @AfterEach
  void stop() throws Exception {
    if (controller != null) controller.close();
    if (kubelet != null) kubelet.close();
    if (cluster != null) cluster.close();
  }

  private void apply(String name, String command) {
    String yaml =
        """
        apiVersion: argoproj.io/v1alpha1
        kind: Workflow
        metadata: {name: NAME}
        spec:
          entrypoint: main
          templates:
          - name: main
            container: {image: alpine:3, command: [sh, -c, "COMMAND"]}
        """
            .replace("NAME", name)
            .replace("COMMAND", command);
    cluster
        .client()
        .genericKubernetesResources(KubeKind.context(ResourceKind.WORKFLOW))
        .inNamespace("default")
        .resource(Serialization.unmarshal(yaml, GenericKubernetesResource.class))
        .create();
  }

  private Pod awaitRunningPod(String workflow) throws Exception {
    Instant end = Instant.now().plus(Duration.ofSeconds(30));
    while (Instant.now().isBefore(end)) {
      for (Pod p :
          cluster
              .client()
              .pods()
              .inNamespace("default")
              .withLabel("workflows.argoproj.io/workflow", workflow)
              .list()
              .getItems()) {
        Predicate<Pod> running =
            x -> x.getStatus() != null && "Running".equals(x.getStatus().getPhase());
        if (running.test(p)) return p;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no running pod for " + workflow);
  }

  private JsonNode awaitEnd(String name) throws Exception {
    Instant end = Instant.now().plus(Duration.ofSeconds(60));
    while (Instant.now().isBefore(end)) {
      var wf =
          cluster
              .client()
              .genericKubernetesResources(KubeKind.context(ResourceKind.WORKFLOW))
              .inNamespace("default")
              .withName(name)
              .get();
      JsonNode tree = KubeStore.decodeValue(wf, JsonNode.class);
      if (List.of("Succeeded", "Failed", "Error")
          .contains(tree.path("status").path("phase").asText())) {
        return tree;
      }
      Thread.sleep(50);
    }
    throw new AssertionError(name + " did not end");
  }

  private static JsonNode podNode(JsonNode wf) {
    for (JsonNode n : wf.path("status").path("nodes")) {
      if (n.path("type").asText().equals("Pod")) return n;
    }
    throw new AssertionError("no pod node");
  }

  @Test
  void aPodDeletedMidRunErrorsItsNode() throws Exception {
    apply("deleted", "sleep 30");
    Pod pod = awaitRunningPod("deleted");
    cluster.client().pods().inNamespace("default").withName(pod.getMetadata().getName()).delete();
    JsonNode wf = awaitEnd("deleted");
    assertThat(podNode(wf).path("phase").asText()).isIn("Error", "Failed");
    assertThat(wf.path("status").path("phase").asText()).isIn("Error", "Failed");
  }

  @Test
  void anEvictedPodFailsItsNodeWithTheKubeletsMessage() throws Exception {
    apply("evicted", "sleep 30");
    Pod pod = awaitRunningPod("evicted");
    kubelet.evict("default", pod.getMetadata().getName());
    JsonNode node = podNode(awaitEnd("evicted"));
    assertThat(node.path("phase").asText()).isEqualTo("Failed");
    assertThat(node.path("message").asText()).contains("low on resource");
  }

  @Test
  void anOomKilledMainFailsItsNodeSayingSo() throws Exception {
    apply("oom", "sleep 30");
    Pod pod = awaitRunningPod("oom");
    kubelet.oomKill("default", pod.getMetadata().getName(), "main");
    JsonNode node = podNode(awaitEnd("oom"));
    assertThat(node.path("phase").asText()).isEqualTo("Failed");
    assertThat(node.path("message").asText()).contains("OOMKilled");
    assertThat(node.path("outputs").path("exitCode").asText()).isEqualTo("137");
  }

  @Test
  void anUnschedulablePodKeepsItsNodePendingUntilScheduled() throws Exception {
    kubelet.unschedulable(p -> true);
    apply("waiting", "true");
    Thread.sleep(1500);
    var wf =
        KubeStore.decodeValue(
            cluster
                .client()
                .genericKubernetesResources(KubeKind.context(ResourceKind.WORKFLOW))
                .inNamespace("default")
                .withName("waiting")
                .get(),
            JsonNode.class);
    assertThat(wf.path("status").path("phase").asText()).isEqualTo("Running");
    assertThat(podNode(wf).path("phase").asText()).isEqualTo("Pending");
    kubelet.schedulable();
    assertThat(awaitEnd("waiting").path("status").path("phase").asText()).isEqualTo("Succeeded");
  }
}
