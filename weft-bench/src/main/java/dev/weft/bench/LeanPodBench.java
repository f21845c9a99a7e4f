package dev.weft.bench;

import dev.weft.kube.control.ControllerOptions;
import dev.weft.kube.control.KubeController;
import dev.weft.kube.sim.ExecutorImage;
import dev.weft.kube.sim.MockCluster;
import dev.weft.kube.sim.SimulatedKubelet;
import dev.weft.kube.store.KubeKind;
import dev.weft.kube.store.KubeStore;
import dev.weft.store.ResourceKind;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * What a lean pod saves in Kubernetes mode: a chain of trivial steps as lean pods (one container,
 * as written) against the same chain wrapped (an output parameter makes each step need the init
 * container, the launcher and a wait container that reports a WorkflowTaskResult). Measured on the
 * mock API server with the simulated kubelet, whose containers are sandboxed host processes: the
 * wait container's JVM start is the bulk of the difference, as an image pull would be on a cluster.
 */
final class LeanPodBench {
  private final int steps;
  private final Path work;

  LeanPodBench(Sizes sizes, Path work) {
    this.steps = Math.max(2, sizes.localSteps() / 10);
    this.work = work;
  }

  void run(Report report) throws Exception {
    try (MockCluster cluster = new MockCluster();
        SimulatedKubelet kubelet = new SimulatedKubelet(cluster, work.resolve("kubelet"))) {
      kubelet.addImageLayer(ExecutorImage.build(work.resolve("executor-image")));
      try (KubeController controller =
          KubeController.start(
              cluster.client(),
              new ControllerOptions(null, null, ExecutorImage.IMAGE, 4, "none", "default"))) {
        double lean = perStep(cluster, "lean", false);
        double wrapped = perStep(cluster, "wrapped", true);
        report.add(Figure.of("kubernetes", "lean pod step (sim kubelet)", lean, "ms"));
        report.add(Figure.of("kubernetes", "wrapped pod step (sim kubelet)", wrapped, "ms"));
        report.add(Figure.of("kubernetes", "saved by a lean pod", wrapped - lean, "ms"));
      }
    }
  }

  private double perStep(MockCluster cluster, String name, boolean wrapped) throws Exception {
    StringBuilder yaml =
        new StringBuilder(
            """
            apiVersion: argoproj.io/v1alpha1
            kind: Workflow
            metadata: {name: NAME, namespace: default}
            spec:
              entrypoint: main
              templates:
              - name: step
                container: {image: alpine:3, command: [sh, -c, "echo -n x > /tmp/x"]}
            """
                .replace("NAME", name));
    if (wrapped) {
      yaml.append("    outputs: {parameters: [{name: x, valueFrom: {path: /tmp/x}}]}\n");
    }
    yaml.append("  - name: main\n    steps:\n");
    for (int i = 0; i < steps; i++) {
      yaml.append("    - - {name: s").append(i).append(", template: step}\n");
    }
    var wfs = cluster.client().genericKubernetesResources(KubeKind.context(ResourceKind.WORKFLOW));
    long t0 = System.nanoTime();
    wfs.inNamespace("default")
        .resource(Serialization.unmarshal(yaml.toString(), GenericKubernetesResource.class))
        .create();
    Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
    while (Instant.now().isBefore(deadline)) {
      var wf = wfs.inNamespace("default").withName(name).get();
      String phase =
          KubeStore.decodeValue(wf, com.fasterxml.jackson.databind.JsonNode.class)
              .path("status")
              .path("phase")
              .asText("");
      if (phase.equals("Succeeded")) return Stats.millis(System.nanoTime() - t0) / steps;
      if (phase.equals("Failed") || phase.equals("Error")) {
        throw new IllegalStateException(name + " chain ended " + phase);
      }
      Thread.sleep(20);
    }
    throw new IllegalStateException(name + " chain did not finish");
  }
}
