package dev.weft.bench;

import dev.weft.kube.control.ControllerOptions;
import dev.weft.kube.control.KubeController;
import dev.weft.kube.pods.PodSettings;
import dev.weft.kube.store.KubeKind;
import dev.weft.store.ResourceKind;
import io.fabric8.kubernetes.api.model.ContainerStateBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The controller's share of step-to-step latency in Kubernetes mode, on fabric8's mock API server:
 * a kubelet stand-in ends each pod the moment it appears (status through /status), and the time
 * from that write to the next pod's creation seen by a watch is what the controller (and the API
 * server round trips it needs) adds. Argo's fixed 10 s requeue would show here.
 */
final class KubeStepBench {
  private static final Logger MOCK_LOG = Logger.getLogger("io.fabric8.mockwebserver");
  private final int steps;

  KubeStepBench(Sizes sizes) {
    this.steps = Math.max(5, sizes.localSteps());
  }

  void run(Report report) throws Exception {
    MOCK_LOG.setLevel(Level.WARNING);
    KubernetesMockServer server =
        new KubernetesMockServer(
            new Context(),
            new MockWebServer(),
            new HashMap<>(),
            new KubernetesCrudDispatcher(List.of()),
            false);
    server.init();
    Map<String, Long> created = new ConcurrentHashMap<>();
    Map<String, Long> ended = new ConcurrentHashMap<>();
    List<String> order = java.util.Collections.synchronizedList(new ArrayList<>());
    try (KubernetesClient client = server.createClient();
        var kubelet = instantKubelet(client, created, ended, order);
        KubeController controller =
            KubeController.start(
                client,
                new ControllerOptions(
                    null, null, PodSettings.DEFAULT_EXECUTOR_IMAGE, 4, "none", "default"))) {
      var wfs = client.genericKubernetesResources(KubeKind.context(ResourceKind.WORKFLOW));
      wfs.inNamespace("default").resource(chain()).create();
      Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
      while (order.size() < steps || ended.size() < steps) {
        if (Instant.now().isAfter(deadline)) throw new IllegalStateException("chain stalled");
        Thread.sleep(20);
      }
    } finally {
      try {
        server.destroy();
      } catch (IllegalStateException e) {
        // the mock's known shutdown race with closing watches (fabric8 #7857): the figures stand
      }
    }
    List<Double> gaps = new ArrayList<>();
    for (int i = 1; i < order.size(); i++) {
      gaps.add(Stats.millis(created.get(order.get(i)) - ended.get(order.get(i - 1))));
    }
    report.add(
        Figure.atMost(
            "kubernetes", "pod end -> next pod created, p50 (mock)", Stats.median(gaps), "ms", 50));
    report.add(
        Figure.of(
            "kubernetes",
            "pod end -> next pod created, p99 (mock)",
            Stats.percentile(gaps, 99),
            "ms"));
  }

  /** Ends every pod at once: main terminated with 0, phase Succeeded. */
  private static AutoCloseable instantKubelet(
      KubernetesClient client,
      Map<String, Long> created,
      Map<String, Long> ended,
      List<String> order) {
    var informer =
        client
            .pods()
            .inAnyNamespace()
            .inform(
                new ResourceEventHandler<>() {
                  @Override
                  public void onAdd(Pod pod) {
                    String name = pod.getMetadata().getName();
                    if (created.putIfAbsent(name, System.nanoTime()) != null) return;
                    order.add(name);
                    String now = Instant.now().toString();
                    pod.setStatus(
                        new PodStatusBuilder()
                            .withPhase("Succeeded")
                            .withStartTime(now)
                            .withContainerStatuses(
                                new ContainerStatusBuilder()
                                    .withName("main")
                                    .withState(
                                        new ContainerStateBuilder()
                                            .withNewTerminated()
                                            .withExitCode(0)
                                            .withReason("Completed")
                                            .withStartedAt(now)
                                            .withFinishedAt(now)
                                            .endTerminated()
                                            .build())
                                    .build())
                            .build());
                    ended.put(name, System.nanoTime());
                    client
                        .pods()
                        .inNamespace(pod.getMetadata().getNamespace())
                        .resource(pod)
                        .updateStatus();
                  }

                  @Override
                  public void onUpdate(Pod before, Pod after) {}

                  @Override
                  public void onDelete(Pod pod, boolean unknown) {}
                });
    return informer::close;
  }

  private GenericKubernetesResource chain() {
    StringBuilder yaml =
        new StringBuilder(
            """
            apiVersion: argoproj.io/v1alpha1
            kind: Workflow
            metadata: {name: chain, namespace: default}
            spec:
              entrypoint: main
              templates:
              - name: step
                container: {image: alpine:3, command: ["true"]}
              - name: main
                steps:
            """);
    for (int i = 0; i < steps; i++) {
      yaml.append("    - - {name: s").append(i).append(", template: step}\n");
    }
    return Serialization.unmarshal(yaml.toString(), GenericKubernetesResource.class);
  }
}
