package dev.weft.kube.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.weft.executor.SandboxMode;
import dev.weft.kube.sim.ExecutorImage;
import dev.weft.kube.sim.MockCluster;
import dev.weft.kube.sim.SimulatedKubelet;
import dev.weft.kube.store.KubeKind;
import dev.weft.store.ResourceKind;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `weft controller` on the mock API server, its pods run by the simulated kubelet. */
class KubeModeTest {
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
                null,
                null,
                "ghcr.io/weft-dev/weft:0.1.0",
                4,
                "weft-controller-configmap",
                "default"));
  }

  @AfterEach
  void stop() throws Exception {
    if (controller != null) controller.close();
    if (kubelet != null) kubelet.close();
    if (cluster != null) cluster.close();
  }

  private GenericKubernetesResource apply(String yaml) {
    GenericKubernetesResource wf = Serialization.unmarshal(yaml, GenericKubernetesResource.class);
    return cluster
        .client()
        .genericKubernetesResources(KubeKind.context(ResourceKind.WORKFLOW))
        .inNamespace("default")
        .resource(wf)
        .create();
  }

  private String phaseOf(String name, Duration limit) throws InterruptedException {
    Instant end = Instant.now().plus(limit);
    while (Instant.now().isBefore(end)) {
      var wf =
          cluster
              .client()
              .genericKubernetesResources(KubeKind.context(ResourceKind.WORKFLOW))
              .inNamespace("default")
              .withName(name)
              .get();
      Object status = wf.getAdditionalProperties().get("status");
      if (status instanceof java.util.Map<?, ?> s) {
        Object phase = s.get("phase");
        if ("Succeeded".equals(phase) || "Failed".equals(phase) || "Error".equals(phase)) {
          return (String) phase;
        }
      }
      Thread.sleep(50);
    }
    return "timeout";
  }

  @Test
  void aWorkflowAppliedAsARawObjectRunsToItsEnd() throws Exception {
    apply(
        """
        apiVersion: argoproj.io/v1alpha1
        kind: Workflow
        metadata: {name: hello}
        spec:
          entrypoint: main
          templates:
          - name: main
            steps:
            - - {name: one, template: echo}
            - - {name: two, template: echo}
          - name: echo
            container: {image: alpine:3, command: [sh, -c, "echo hello"]}
        """);
    assertThat(phaseOf("hello", Duration.ofSeconds(60))).isEqualTo("Succeeded");
    assertThat(cluster.podCreations().values()).containsOnly(1).hasSize(2);
  }

  @Test
  void outputsOfAWrappedStepReachTheNextStep() throws Exception {
    apply(
        """
        apiVersion: argoproj.io/v1alpha1
        kind: Workflow
        metadata: {name: outputs}
        spec:
          entrypoint: main
          templates:
          - name: main
            steps:
            - - {name: make, template: make}
            - - name: check
                template: check
                arguments:
                  parameters:
                  - {name: param, value: "{{steps.make.outputs.parameters.out}}"}
                  - {name: result, value: "{{steps.make.outputs.result}}"}
          - name: make
            script:
              image: alpine:3
              command: [sh]
              source: |
                echo -n from-file > /tmp/out
                echo printed
            outputs:
              parameters:
              - name: out
                valueFrom: {path: /tmp/out}
          - name: check
            inputs:
              parameters: [{name: param}, {name: result}]
            container:
              image: alpine:3
              command: [sh, -c, '[ "{{inputs.parameters.param}}" = from-file ] && [ "{{inputs.parameters.result}}" = printed ]']
        """);
    assertThat(phaseOf("outputs", Duration.ofSeconds(90))).isEqualTo("Succeeded");
  }

  @Test
  void aWorkflowTooLargeToStoreEndsInErrorSayingSo() throws Exception {
    controller.close();
    controller =
        KubeController.start(
            cluster.client(),
            new ControllerOptions(
                null, null, ExecutorImage.IMAGE, 4, "weft-controller-configmap", "default"),
            6_000);
    apply(
        """
        apiVersion: argoproj.io/v1alpha1
        kind: Workflow
        metadata: {name: huge}
        spec:
          entrypoint: main
          templates:
          - name: main
            steps:
            - - {name: wait, template: pause, withSequence: {count: "400"}}
          - name: pause
            suspend: {duration: "1h"}
        """);
    assertThat(phaseOf("huge", Duration.ofSeconds(60))).isEqualTo("Error");
    var wf =
        cluster
            .client()
            .genericKubernetesResources(KubeKind.context(ResourceKind.WORKFLOW))
            .inNamespace("default")
            .withName("huge")
            .get();
    assertThat(String.valueOf(wf.getAdditionalProperties().get("status")))
        .contains("cannot be stored")
        .contains("too large to store");
  }

  @Test
  void theControllerConfigMapsWorkflowDefaultsReachThePods() throws Exception {
    controller.close();
    cluster
        .client()
        .configMaps()
        .inNamespace("default")
        .resource(
            new io.fabric8.kubernetes.api.model.ConfigMapBuilder()
                .withNewMetadata()
                .withName("weft-controller-configmap")
                .endMetadata()
                .addToData("workflowDefaults", "spec: {serviceAccountName: robot}\n")
                .build())
        .create();
    controller =
        KubeController.start(
            cluster.client(),
            new ControllerOptions(
                null, null, ExecutorImage.IMAGE, 4, "weft-controller-configmap", "default"));
    apply(
        """
        apiVersion: argoproj.io/v1alpha1
        kind: Workflow
        metadata: {name: defaulted}
        spec:
          entrypoint: main
          templates:
          - name: main
            container: {image: alpine:3, command: [sh, -c, "true"]}
        """);
    assertThat(phaseOf("defaulted", Duration.ofSeconds(60))).isEqualTo("Succeeded");
    var pods =
        cluster
            .client()
            .pods()
            .inNamespace("default")
            .withLabel("workflows.argoproj.io/workflow", "defaulted")
            .list()
            .getItems();
    assertThat(pods).extracting(p -> p.getSpec().getServiceAccountName()).containsOnly("robot");
    var stored =
        cluster
            .client()
            .genericKubernetesResources(KubeKind.context(ResourceKind.WORKFLOW))
            .inNamespace("default")
            .withName("defaulted")
            .get();
    assertThat(String.valueOf(stored.getAdditionalProperties().get("spec")))
        .doesNotContain("robot");
  }

  @Test
  void theControllerConfigMapsParallelismPostponesWorkflowsBeyondIt() throws Exception {
    controller.close();
    cluster
        .client()
        .configMaps()
        .inNamespace("default")
        .resource(
            new io.fabric8.kubernetes.api.model.ConfigMapBuilder()
                .withNewMetadata()
                .withName("weft-controller-configmap")
                .endMetadata()
                .addToData("parallelism", "1")
                .build())
        .create();
    controller =
        KubeController.start(
            cluster.client(),
            new ControllerOptions(
                null, null, ExecutorImage.IMAGE, 4, "weft-controller-configmap", "default"));
    for (String name : java.util.List.of("first", "second")) {
      apply(
          """
          apiVersion: argoproj.io/v1alpha1
          kind: Workflow
          metadata: {name: NAME}
          spec:
            entrypoint: main
            templates:
            - name: main
              container: {image: alpine:3, command: [sh, -c, "sleep 2"]}
          """
              .replace("NAME", name));
    }
    boolean sawPostponed = false;
    for (int i = 0; i < 100 && !sawPostponed; i++) {
      for (String name : java.util.List.of("first", "second")) {
        var wf =
            cluster
                .client()
                .genericKubernetesResources(KubeKind.context(ResourceKind.WORKFLOW))
                .inNamespace("default")
                .withName(name)
                .get();
        sawPostponed |=
            String.valueOf(wf.getAdditionalProperties().get("status")).contains("postponed");
      }
      Thread.sleep(20);
    }
    assertThat(sawPostponed).isTrue();
    assertThat(phaseOf("first", Duration.ofSeconds(60))).isEqualTo("Succeeded");
    assertThat(phaseOf("second", Duration.ofSeconds(60))).isEqualTo("Succeeded");
  }

  @Test
  void aStepThatExitsNonZeroFailsTheWorkflow() throws Exception {
    apply(
        """
        apiVersion: argoproj.io/v1alpha1
        kind: Workflow
        metadata: {name: failing}
        spec:
          entrypoint: main
          templates:
          - name: main
            container: {image: alpine:3, command: [sh, -c, "exit 3"]}
        """);
    assertThat(phaseOf("failing", Duration.ofSeconds(60))).isEqualTo("Failed");
  }
}
