package dev.weft.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.controller.artifact.S3Fixture;
import dev.weft.kube.control.ControllerOptions;
import dev.weft.kube.control.KubeController;
import dev.weft.kube.sim.ExecutorImage;
import dev.weft.kube.sim.ImageEtc;
import dev.weft.kube.sim.MockCluster;
import dev.weft.kube.sim.SimulatedKubelet;
import dev.weft.kube.store.KubeKind;
import dev.weft.kube.store.KubeStore;
import dev.weft.model.codec.Codec;
import dev.weft.store.ResourceKind;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The conformance corpus through `weft controller` on fabric8's mock API server, each step a Pod
 * run by the simulated kubelet, artifacts in S3Proxy. Each case is applied as a raw object (as
 * kubectl would), interactive ones are resumed by editing the Workflow's status (as the argo CLI
 * does without a server), and the phase is read from the object.
 */
final class KubeConformance implements AutoCloseable {
  private static final List<String> FINAL = List.of("Succeeded", "Failed", "Error");
  private final S3Fixture s3;
  private final MockCluster cluster;
  private final SimulatedKubelet kubelet;
  private final KubeController controller;
  private final KubernetesClient client;

  KubeConformance(Path dir) throws Exception {
    s3 = S3Fixture.start();
    cluster = new MockCluster();
    kubelet = new SimulatedKubelet(cluster, dir.resolve("kubelet"));
    kubelet.addImageLayer(ExecutorImage.build(dir.resolve("image")));
    kubelet.addImageLayer(ImageEtc.forEveryImage(dir.resolve("image-etc")));
    client = cluster.client();
    client
        .secrets()
        .inNamespace("default")
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName("s3-creds")
                .endMetadata()
                .addToStringData("accesskey", S3Fixture.ACCESS_KEY)
                .addToStringData("secretkey", S3Fixture.SECRET_KEY)
                .build())
        .create();
    ObjectNode repository = Codec.json().createObjectNode();
    repository.set("s3", s3.repositoryNode());
    client
        .configMaps()
        .inNamespace("default")
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName("weft-controller-configmap")
                .endMetadata()
                .addToData("artifactRepository", Codec.toJson(repository))
                .build())
        .create();
    controller =
        KubeController.start(
            client,
            new ControllerOptions(
                null, null, ExecutorImage.IMAGE, 16, "weft-controller-configmap", "default"));
  }

  /** Pods the mock was asked to create more than once (must be none). */
  List<String> podsCreatedTwice() {
    return cluster.podCreations().entrySet().stream()
        .filter(e -> e.getValue() > 1)
        .map(e -> e.getKey() + " x" + e.getValue())
        .toList();
  }

  /** Runs the case under {@code name}; its final phase ("scheduled" for cron) or why not. */
  String run(Path file, List<Path> requires, String expect, String name, Duration limit)
      throws Exception {
    for (Path r : requires) for (ObjectNode doc : documents(r)) create(doc, false);
    ObjectNode main = documents(file).get(0);
    ObjectNode meta = main.withObject("metadata");
    meta.remove("generateName");
    meta.put("name", name);
    meta.put("namespace", "default");
    try {
      create(main, true);
    } catch (KubernetesClientException e) {
      return "create failed: " + e.getMessage();
    }
    if (expect.equals("cron")) return "scheduled";
    Instant end = Instant.now().plus(limit);
    var wfs =
        client
            .genericKubernetesResources(KubeKind.context(ResourceKind.WORKFLOW))
            .inNamespace("default");
    while (Instant.now().isBefore(end)) {
      JsonNode tree = KubeStore.decodeValue(wfs.withName(name).get(), JsonNode.class);
      String phase = tree.path("status").path("phase").asText("");
      if (FINAL.contains(phase)) {
        boolean expected = phase.equals(expect) || !List.of("Succeeded", "Failed").contains(expect);
        return expected ? phase : phase + failures(tree);
      }
      if (expect.equals("interactive")) ArgoCliResume.resume(wfs.withName(name), tree);
      Thread.sleep(200);
    }
    JsonNode last = KubeStore.decodeValue(wfs.withName(name).get(), JsonNode.class);
    return "timeout; " + unfinished(last);
  }

  private String failures(JsonNode wf) {
    StringBuilder out = new StringBuilder();
    for (JsonNode n : wf.path("status").path("nodes")) {
      String phase = n.path("phase").asText();
      if (phase.equals("Failed") || phase.equals("Error")) {
        out.append("\n  ").append(n.path("name").asText()).append(' ').append(phase);
        out.append(": ").append(n.path("message").asText(""));
        if (n.path("message").asText("").contains("wait container failed")) {
          out.append("\n    wait log: ").append(waitLog(n.path("podName").asText()));
        }
      }
    }
    return out.toString();
  }

  private String waitLog(String pod) {
    try {
      return client.pods().inNamespace("default").withName(pod).inContainer("wait").getLog();
    } catch (RuntimeException e) {
      return e.getMessage();
    }
  }

  private String unfinished(JsonNode wf) {
    StringBuilder out = new StringBuilder();
    for (JsonNode n : wf.path("status").path("nodes")) {
      String phase = n.path("phase").asText();
      if (FINAL.contains(phase) || phase.equals("Succeeded")) continue;
      if (!"Pod".equals(n.path("type").asText())) {
        out.append("\n  node ").append(n.path("name").asText()).append(' ').append(phase);
        continue;
      }
      out.append("\n  node ").append(n.path("name").asText()).append(' ').append(phase);
      out.append(' ').append(n.path("message").asText(""));
      var pod = client.pods().inNamespace("default").withName(n.path("podName").asText()).get();
      if (pod == null) {
        out.append("\n    no pod");
        continue;
      }
      out.append("\n    pod ").append(pod.getMetadata().getLabels()).append(' ');
      out.append(pod.getStatus() == null ? "no status" : pod.getStatus().getPhase());
      if (pod.getStatus() != null && pod.getStatus().getContainerStatuses() != null) {
        for (var cs : pod.getStatus().getContainerStatuses()) {
          out.append("\n    ").append(cs.getName()).append(' ').append(cs.getState());
          if (cs.getName().equals("wait")) {
            try {
              out.append("\n    wait log: ")
                  .append(
                      client
                          .pods()
                          .inNamespace("default")
                          .withName(pod.getMetadata().getName())
                          .inContainer("wait")
                          .getLog());
            } catch (RuntimeException e) {
              out.append("\n    wait log: ").append(e.getMessage());
            }
          }
        }
      }
      var result =
          client
              .genericKubernetesResources(KubeKind.TASK_RESULT)
              .inNamespace("default")
              .withName(n.path("id").asText())
              .get();
      out.append("\n    result ")
          .append(result == null ? "none" : KubeStore.decodeValue(result, JsonNode.class));
    }
    return out.toString();
  }

  private void create(ObjectNode doc, boolean strict) {
    String kind = doc.path("kind").asText();
    ResourceDefinitionContext ctx =
        switch (kind) {
          case "Workflow" -> KubeKind.context(ResourceKind.WORKFLOW);
          case "WorkflowTemplate" -> KubeKind.context(ResourceKind.WORKFLOW_TEMPLATE);
          case "ClusterWorkflowTemplate" ->
              KubeKind.context(ResourceKind.CLUSTER_WORKFLOW_TEMPLATE);
          case "CronWorkflow" -> KubeKind.context(ResourceKind.CRON_WORKFLOW);
          case "ConfigMap" -> KubeKind.context(ResourceKind.CONFIG_MAP);
          case "Secret" -> KubeKind.context(ResourceKind.SECRET);
          case "PersistentVolumeClaim" -> KubeKind.context(ResourceKind.PERSISTENT_VOLUME_CLAIM);
          default -> throw new IllegalArgumentException("cannot load a " + kind);
        };
    GenericKubernetesResource g = KubeStore.decodeValue(doc, GenericKubernetesResource.class);
    var ops = client.genericKubernetesResources(ctx);
    try {
      if (kind.equals("ClusterWorkflowTemplate")) ops.resource(g).create();
      else ops.inNamespace("default").resource(g).create();
    } catch (KubernetesClientException e) {
      if (strict || e.getCode() != 409) throw e;
    }
  }

  private static List<ObjectNode> documents(Path file) throws Exception {
    List<ObjectNode> out = new ArrayList<>();
    try (var parser = Codec.yaml().getFactory().createParser(Files.readString(file))) {
      var it = Codec.yaml().readValues(parser, JsonNode.class);
      while (it.hasNext()) {
        JsonNode n = it.next();
        if (n instanceof ObjectNode o) out.add(o);
      }
    }
    return out;
  }

  @Override
  public void close() throws Exception {
    controller.close();
    kubelet.close();
    cluster.close();
    s3.close();
  }
}
