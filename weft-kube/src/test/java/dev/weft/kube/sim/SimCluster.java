package dev.weft.kube.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.weft.executor.SandboxMode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Test helper: a mock cluster with a simulated kubelet, and ways to build and await pods. */
final class SimCluster implements AutoCloseable {
  static final Duration TIMEOUT = Duration.ofSeconds(20);

  final MockCluster cluster;
  final SimulatedKubelet kubelet;

  private SimCluster(Path dir) {
    cluster = new MockCluster();
    kubelet = new SimulatedKubelet(cluster, dir);
  }

  /**
   * Skips where bubblewrap does not work, except in CI, where a sandbox that stopped working must
   * fail the build (as the executor's tests do).
   */
  static SimCluster start(Path dir) {
    boolean works = SandboxMode.detect() == SandboxMode.NAMESPACES;
    if ("true".equals(System.getenv("CI"))) {
      assertThat(works).as(SandboxMode.probe().message()).isTrue();
    }
    assumeTrue(works, () -> SandboxMode.probe().message());
    return new SimCluster(dir);
  }

  KubernetesClient client() {
    return cluster.client();
  }

  static Container sh(String name, String script) {
    return new ContainerBuilder()
        .withName(name)
        .withImage("alpine:3")
        .withCommand("sh", "-c", script)
        .build();
  }

  static PodBuilder pod(String name, Container... containers) {
    return new PodBuilder()
        .withNewMetadata()
        .withName(name)
        .endMetadata()
        .withNewSpec()
        .withRestartPolicy("Never")
        .withContainers(containers)
        .endSpec();
  }

  Pod create(PodBuilder pod) {
    return client().pods().resource(pod.build()).create();
  }

  Pod get(String name) {
    return client().pods().withName(name).get();
  }

  /** Waits until the pod satisfies {@code condition}; returns it. */
  Pod await(String name, Predicate<Pod> condition) {
    return awaitValue(
        () -> {
          Pod p = get(name);
          return p != null && condition.test(p) ? p : null;
        },
        "pod " + name);
  }

  Pod awaitPhase(String name, String phase) {
    return await(name, p -> p.getStatus() != null && phase.equals(p.getStatus().getPhase()));
  }

  void awaitGone(String name) {
    awaitValue(() -> get(name) == null ? Boolean.TRUE : null, "pod " + name + " removed");
  }

  static <T> T awaitValue(Supplier<T> probe, String what) {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      T value = probe.get();
      if (value != null) return value;
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
    }
    throw new AssertionError("timed out waiting for " + what);
  }

  static ContainerStatus status(Pod pod, String container) {
    return StatusWriter.container(pod.getStatus(), container);
  }

  static boolean running(Pod pod, String container) {
    return pod.getStatus() != null
        && pod.getStatus().getContainerStatuses() != null
        && status(pod, container).getState().getRunning() != null;
  }

  /** GET .../log through plain HTTP, as {@code kubectl logs} would; returns code and body. */
  HttpResponse<String> log(String pod, String container) throws Exception {
    String url =
        cluster.url()
            + "api/v1/namespaces/default/pods/"
            + pod
            + "/log"
            + (container == null ? "" : "?container=" + container);
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Override
  public void close() {
    kubelet.close();
    cluster.close();
  }
}
