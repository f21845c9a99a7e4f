package dev.weft.kube.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.controller.artifact.S3Fixture;
import dev.weft.executor.SandboxMode;
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
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The third conformance lane: Argo's example corpus through `weft controller` on the mock API
 * server, each step a Pod run by the simulated kubelet, artifacts in a real S3-compatible server.
 * Each case is applied as a raw object (as kubectl would), interactive ones are resumed by editing
 * the status (as the argo CLI does without a server), and the phase is read from the object.
 */
class KubeConformanceTest {
  private static final Path CORPUS =
      Path.of(System.getProperty("weft.shared", "../../shared"), "conformance", "argo");
  private static final Duration CASE_LIMIT = Duration.ofMinutes(6);
  private static final List<String> FINAL = List.of("Succeeded", "Failed", "Error");

  record Case(String file, String expect, List<String> requires) {}

  record Outcome(Case c, String phase) {
    boolean passed() {
      return switch (c.expect()) {
        case "Succeeded", "Failed" -> c.expect().equals(phase);
        case "random" -> FINAL.contains(phase);
        case "interactive" -> "Succeeded".equals(phase);
        case "cron" -> "scheduled".equals(phase);
        default -> false;
      };
    }
  }

  @TestFactory
  Stream<DynamicTest> everyCaseEndsAsOnArgoViaKubernetes(@TempDir Path dir) throws Exception {
    boolean works = SandboxMode.detect() == SandboxMode.NAMESPACES;
    if ("true".equals(System.getenv("CI"))) assertThat(works).isTrue();
    assumeTrue(works, () -> SandboxMode.probe().message());
    List<Outcome> outcomes = new ArrayList<>();
    try (S3Fixture s3 = S3Fixture.start();
        MockCluster cluster = new MockCluster();
        SimulatedKubelet kubelet = new SimulatedKubelet(cluster, dir.resolve("kubelet"))) {
      kubelet.addImageLayer(ExecutorImage.build(dir.resolve("image")));
      kubelet.addImageLayer(ImageEtc.forEveryImage(dir.resolve("image-etc")));
      var client = cluster.client();
      logs = client;
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
      client
          .configMaps()
          .inNamespace("default")
          .resource(
              new ConfigMapBuilder()
                  .withNewMetadata()
                  .withName("weft-controller-configmap")
                  .endMetadata()
                  .addToData("artifactRepository", Codec.toJson(repository(s3)))
                  .build())
          .create();
      try (KubeController controller =
          KubeController.start(
              client,
              new ControllerOptions(
                  null, null, ExecutorImage.IMAGE, 8, "weft-controller-configmap", "default"))) {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
          List<Future<Outcome>> futures = new ArrayList<>();
          for (Case c : cases()) futures.add(pool.submit(() -> run(cluster, c)));
          for (Future<Outcome> f : futures) outcomes.add(f.get(20, TimeUnit.MINUTES));
        } finally {
          pool.shutdownNow();
        }
      }
      long passed = outcomes.stream().filter(Outcome::passed).count();
      for (Outcome o : outcomes) {
        if (!o.passed()) {
          System.out.println(
              "FAILED via kubernetes: "
                  + o.c().file()
                  + ": expected "
                  + o.c().expect()
                  + ", got "
                  + o.phase());
        }
      }
      System.out.println(
          "conformance via kubernetes: "
              + passed
              + " passed, "
              + (outcomes.size() - passed)
              + " failed");
      System.out.println("pods created twice: " + twice(cluster));
      assertThat(twice(cluster)).isEmpty();
    }
    return outcomes.stream()
        .map(
            o ->
                DynamicTest.dynamicTest(
                    o.c().file() + " ends " + o.c().expect() + " via kubernetes",
                    () ->
                        assertThat(o.passed())
                            .as("%s ended %s", o.c().file(), o.phase())
                            .isTrue()));
  }

  private static List<String> twice(MockCluster cluster) {
    return cluster.podCreations().entrySet().stream()
        .filter(e -> e.getValue() > 1)
        .map(e -> e.getKey() + " x" + e.getValue())
        .toList();
  }

  private static ObjectNode repository(S3Fixture s3) {
    ObjectNode repo = Codec.json().createObjectNode();
    repo.set("s3", s3.repositoryNode());
    return repo;
  }

  private static Outcome run(MockCluster cluster, Case c) throws Exception {
    var client = cluster.client();
    for (String r : c.requires()) {
      Path file =
          r.startsWith("support/") ? CORPUS.resolve(r) : CORPUS.resolve("examples").resolve(r);
      for (ObjectNode doc : documents(file)) create(client, doc, false);
    }
    ObjectNode main = documents(CORPUS.resolve("examples").resolve(c.file())).get(0);
    ObjectNode meta = main.withObject("metadata");
    meta.remove("generateName");
    meta.put("name", nameFor(c));
    meta.put("namespace", "default");
    try {
      create(client, main, true);
    } catch (KubernetesClientException e) {
      return new Outcome(c, "create failed: " + e.getMessage());
    }
    if (c.expect().equals("cron")) return new Outcome(c, "scheduled");
    Instant end =
        Instant.now()
            .plus(
                Duration.ofSeconds(
                    Long.getLong("weft.conformance.seconds", CASE_LIMIT.toSeconds())));
    var wfs =
        client
            .genericKubernetesResources(KubeKind.context(ResourceKind.WORKFLOW))
            .inNamespace("default");
    while (Instant.now().isBefore(end)) {
      GenericKubernetesResource wf = wfs.withName(nameFor(c)).get();
      JsonNode tree = KubeStore.decodeValue(wf, JsonNode.class);
      String phase = tree.path("status").path("phase").asText("");
      if (FINAL.contains(phase)) {
        Outcome o = new Outcome(c, phase);
        return o.passed() ? o : new Outcome(c, phase + failures(tree));
      }
      if (c.expect().equals("interactive")) ArgoCliResume.resume(wfs.withName(nameFor(c)), tree);
      Thread.sleep(200);
    }
    JsonNode last = KubeStore.decodeValue(wfs.withName(nameFor(c)).get(), JsonNode.class);
    return new Outcome(c, "timeout; " + unfinished(client, last));
  }

  /** Why a case ended as it should not have: its failed nodes and their messages. */
  private static io.fabric8.kubernetes.client.KubernetesClient logs;

  private static String waitLog(String pod) {
    try {
      return logs.pods().inNamespace("default").withName(pod).inContainer("wait").getLog();
    } catch (RuntimeException e) {
      return e.getMessage();
    }
  }

  private static String failures(JsonNode wf) {
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

  /** What a timed-out case waits for: its unfinished pod nodes, their pods and task results. */
  private static String unfinished(
      io.fabric8.kubernetes.client.KubernetesClient client, JsonNode wf) {
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

  private static void create(
      io.fabric8.kubernetes.client.KubernetesClient client, ObjectNode doc, boolean strict) {
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

  /**
   * Every case, or those whose file contains one of -Dweft.conformance.only=a,b (to work on a few).
   */
  private static List<Case> cases() throws Exception {
    String only = System.getProperty("weft.conformance.only", "");
    List<Case> out = new ArrayList<>();
    for (String line : Files.readAllLines(CORPUS.resolve("expected.tsv"))) {
      String file = line.split("\t")[0];
      if (line.isBlank()
          || line.startsWith("#")
          || java.util.Arrays.stream(only.split(",")).noneMatch(file::contains)) continue;
      String[] cols = line.split("\t", -1);
      List<String> requires =
          cols.length > 2 && !cols[2].isBlank() ? List.of(cols[2].split(",")) : List.of();
      out.add(new Case(cols[0], cols[1], requires));
    }
    return out;
  }

  private static String nameFor(Case c) {
    String base = c.file().replace(".yaml", "").replaceAll("[^a-z0-9-]", "-");
    base = base.substring(0, Math.min(40, base.length())).replaceAll("-+$", "");
    return "k-" + base + "-" + Integer.toHexString(c.file().hashCode() & 0xfffffff);
  }
}
