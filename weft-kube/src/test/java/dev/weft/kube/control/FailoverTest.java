package dev.weft.kube.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.weft.executor.SandboxMode;
import dev.weft.kube.sim.ExecutorImage;
import dev.weft.kube.sim.MockCluster;
import dev.weft.kube.sim.SimulatedKubelet;
import dev.weft.kube.store.KubeKind;
import dev.weft.kube.store.KubeStore;
import dev.weft.store.ResourceKind;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two controllers in processes of their own; the leader is killed (SIGKILL) mid-run, several times,
 * and a new candidate started each time. Every workflow must end as it would have undisturbed, and
 * the mock's record must show no pod created twice.
 */
class FailoverTest {
  private static final int WORKFLOWS = 4;
  private static final int KILLS = 3;

  @TempDir Path dir;

  @Test
  void theLeaderKilledMidRunLeavesEveryWorkflowUndisturbedAndNoPodCreatedTwice() throws Exception {
    boolean works = SandboxMode.detect() == SandboxMode.NAMESPACES;
    if ("true".equals(System.getenv("CI"))) assertThat(works).isTrue();
    assumeTrue(works, () -> SandboxMode.probe().message());
    try (MockCluster cluster = new MockCluster();
        SimulatedKubelet kubelet = new SimulatedKubelet(cluster, dir.resolve("kubelet"))) {
      kubelet.addImageLayer(ExecutorImage.build(dir.resolve("image")));
      Path kubeconfig = cluster.writeKubeconfig(dir.resolve("kubeconfig"), "default");
      Map<String, Process> candidates = new HashMap<>();
      int next = 0;
      for (; next < 2; next++) candidates.put("c" + next, spawn(kubeconfig, "c" + next));
      try {
        for (int i = 0; i < WORKFLOWS; i++) apply(cluster, "chain-" + i);
        List<Long> failovers = new ArrayList<>();
        for (int k = 0; k < KILLS; k++) {
          String leader = awaitLeader(cluster, candidates, null);
          Thread.sleep(1500);
          candidates.remove(leader).destroyForcibly().waitFor();
          Instant killed = Instant.now();
          String name = "c" + next++;
          candidates.put(name, spawn(kubeconfig, name));
          awaitLeader(cluster, candidates, leader);
          failovers.add(Duration.between(killed, Instant.now()).toMillis());
        }
        List<String> phases = new ArrayList<>();
        for (int i = 0; i < WORKFLOWS; i++) phases.add(awaitEnd(cluster, "chain-" + i));
        System.out.println("failover after SIGKILL, ms: " + failovers);
        assertThat(phases).containsOnly("Succeeded");
        assertThat(cluster.podCreations().values()).containsOnly(1);
        assertThat(cluster.podCreations()).hasSize(WORKFLOWS * 4);
      } finally {
        candidates.values().forEach(Process::destroyForcibly);
      }
    }
  }

  private Process spawn(Path kubeconfig, String identity) throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    String cp =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    return new ProcessBuilder(
            java,
            "-XX:+UseSerialGC",
            "-cp",
            cp,
            ControllerProcess.class.getName(),
            kubeconfig.toString(),
            identity)
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve(identity + ".log").toFile())
        .start();
  }

  /** The live candidate holding the Lease, once it is not {@code previous}. */
  private static String awaitLeader(
      MockCluster cluster, Map<String, Process> candidates, String previous) throws Exception {
    Instant end = Instant.now().plus(Duration.ofSeconds(90));
    while (Instant.now().isBefore(end)) {
      var lease =
          answered(
              () ->
                  cluster
                      .client()
                      .leases()
                      .inNamespace("default")
                      .withName("weft-controller")
                      .get());
      if (lease.isEmpty()) continue;
      String holder = lease.get().map(l -> l.getSpec().getHolderIdentity()).orElse(null);
      if (holder != null && !holder.equals(previous) && candidates.containsKey(holder)) {
        return holder;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no new leader within 90 s");
  }

  private static void apply(MockCluster cluster, String name) {
    String yaml =
        """
        apiVersion: argoproj.io/v1alpha1
        kind: Workflow
        metadata: {name: NAME}
        spec:
          entrypoint: main
          templates:
          - name: main
            steps:
            - - {name: a, template: nap}
            - - {name: b, template: nap}
            - - {name: c, template: make}
            - - name: d
                template: check
                arguments: {parameters: [{name: v, value: "{{steps.c.outputs.parameters.v}}"}]}
          - name: nap
            container: {image: alpine:3, command: [sh, -c, "sleep 2"]}
          - name: make
            container: {image: alpine:3, command: [sh, -c, "sleep 2; echo -n made > /tmp/v"]}
            outputs: {parameters: [{name: v, valueFrom: {path: /tmp/v}}]}
          - name: check
            inputs: {parameters: [{name: v}]}
            container: {image: alpine:3, command: [sh, -c, '[ "{{inputs.parameters.v}}" = made ]']}
        """
            .replace("NAME", name);
    GenericKubernetesResource wf = Serialization.unmarshal(yaml, GenericKubernetesResource.class);
    cluster
        .client()
        .genericKubernetesResources(KubeKind.context(ResourceKind.WORKFLOW))
        .inNamespace("default")
        .resource(wf)
        .create();
  }

  private static String awaitEnd(MockCluster cluster, String name) throws Exception {
    Instant end = Instant.now().plus(Duration.ofMinutes(3));
    while (Instant.now().isBefore(end)) {
      var read =
          answered(
              () ->
                  cluster
                      .client()
                      .genericKubernetesResources(KubeKind.context(ResourceKind.WORKFLOW))
                      .inNamespace("default")
                      .withName(name)
                      .get());
      if (read.isEmpty()) continue;
      String phase =
          KubeStore.decodeValue(
                  read.get().orElse(null), com.fasterxml.jackson.databind.JsonNode.class)
              .path("status")
              .path("phase")
              .asText("");
      if (List.of("Succeeded", "Failed", "Error").contains(phase)) return phase;
      Thread.sleep(200);
    }
    return "timeout";
  }

  /**
   * A read of the mock API server, or empty if it did not answer in time: a killed controller's
   * watches closing can stall the mock's event loop for tens of seconds (fabric8 #7857), which says
   * nothing about Weft; the callers' own deadlines still bound the wait.
   */
  private static <T> Optional<Optional<T>> answered(Supplier<T> read) throws InterruptedException {
    try {
      return Optional.of(Optional.ofNullable(read.get()));
    } catch (KubernetesClientException e) {
      if (!(e.getCause() instanceof java.io.IOException)) throw e;
      Thread.sleep(200);
      return Optional.empty();
    }
  }
}
