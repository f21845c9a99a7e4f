package dev.weft.kube.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.model.Workflow;
import dev.weft.model.codec.Codec;
import dev.weft.model.status.WorkflowPhase;
import dev.weft.model.status.WorkflowStatus;
import dev.weft.store.ResourceKind;
import dev.weft.store.StoreException;
import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KubeStoreTest {
  private static final Logger MOCK_LOG = Logger.getLogger("io.fabric8.mockwebserver");

  private KubernetesMockServer server;
  private NamespacedKubernetesClient client;
  private KubeCaches caches;

  @BeforeEach
  void start() throws Exception {
    MOCK_LOG.setLevel(Level.WARNING);
    server =
        new KubernetesMockServer(
            new Context(),
            new MockWebServer(),
            new HashMap<>(),
            new KubernetesCrudDispatcher(List.of()),
            false);
    server.init();
    client = server.createClient();
    caches = KubeCaches.start(client, KubeScope.cluster(), Duration.ofSeconds(30));
  }

  @AfterEach
  void stop() {
    caches.close();
    client.close();
    try {
      server.destroy();
    } catch (IllegalStateException e) {
      // the mock's known shutdown race with closing watches (fabric8 #7857): teardown only
    }
  }

  private KubeStore store(int limit) {
    return new KubeStore(client, caches, limit);
  }

  private static Workflow workflow(String yaml) throws Exception {
    return Codec.yaml().readValue(yaml, Workflow.class);
  }

  private static final String HELLO =
      """
      apiVersion: argoproj.io/v1alpha1
      kind: Workflow
      metadata: {name: hello}
      spec:
        entrypoint: main
        templates:
        - name: main
          container: {image: alpine, command: [echo, hi]}
      """;

  @Test
  void aCreatedWorkflowIsReadBack() throws Exception {
    KubeStore store = store(NodePacking.DEFAULT_LIMIT);
    Workflow created = store.create(workflow(HELLO));
    assertThat(created.metadata().uid()).isNotBlank();
    assertThat(store.get(Workflow.class, "default", "hello")).get().isEqualTo(created);
  }

  @Test
  void aWriteOnAStaleResourceVersionIsAConflict() throws Exception {
    KubeStore store = store(NodePacking.DEFAULT_LIMIT);
    Workflow created = store.create(workflow(HELLO));
    store.updateStatus(created.withStatus(status(WorkflowPhase.RUNNING)));
    assertThatThrownBy(() -> store.updateStatus(created.withStatus(status(WorkflowPhase.FAILED))))
        .isInstanceOf(StoreException.Conflict.class);
  }

  @Test
  void aStatusWriteKeepsFieldsWeftDoesNotModel() throws Exception {
    var raw =
        KubeStore.toGeneric(
            (com.fasterxml.jackson.databind.node.ObjectNode) Codec.yaml().readTree(HELLO));
    raw.getMetadata().setNamespace("default");
    raw.setAdditionalProperty("extra", java.util.Map.of("kept", true));
    client
        .genericKubernetesResources(KubeKind.context(ResourceKind.WORKFLOW))
        .inNamespace("default")
        .resource(raw)
        .create();
    KubeStore store = store(NodePacking.DEFAULT_LIMIT);
    Workflow wf = store.get(Workflow.class, "default", "hello").orElseThrow();
    store.updateStatus(wf.withStatus(status(WorkflowPhase.RUNNING)));
    var stored =
        client
            .genericKubernetesResources(KubeKind.context(ResourceKind.WORKFLOW))
            .inNamespace("default")
            .withName("hello")
            .get();
    assertThat(stored.getAdditionalProperties()).containsKey("extra");
    assertThat(store.get(Workflow.class, "default", "hello").orElseThrow().status().phase())
        .isEqualTo(WorkflowPhase.RUNNING);
  }

  @Test
  void aWorkflowOverTheSizeLimitIsStoredWithCompressedNodesAndReadWhole() throws Exception {
    KubeStore store = store(4_000);
    Workflow created = store.create(workflow(HELLO));
    var nodes = new java.util.LinkedHashMap<String, dev.weft.model.status.NodeStatus>();
    for (int i = 0; i < 60; i++) {
      nodes.put(
          "hello-" + i,
          Codec.json()
              .readValue(
                  "{\"id\":\"hello-"
                      + i
                      + "\",\"name\":\"hello["
                      + i
                      + "]\",\"phase\":\"Succeeded\"}",
                  dev.weft.model.status.NodeStatus.class));
    }
    WorkflowStatus big = status(WorkflowPhase.RUNNING, nodes);
    store.updateStatus(created.withStatus(big));
    var stored =
        client
            .genericKubernetesResources(KubeKind.context(ResourceKind.WORKFLOW))
            .inNamespace("default")
            .withName("hello")
            .get();
    @SuppressWarnings("unchecked")
    var status = (java.util.Map<String, Object>) stored.getAdditionalProperties().get("status");
    assertThat(status).containsKey("compressedNodes").doesNotContainKey("nodes");
    assertThat(store.get(Workflow.class, "default", "hello").orElseThrow().status().nodesOrEmpty())
        .hasSize(60);
  }

  @Test
  void aListWrittenAgainIsReplacedNotAppended() throws Exception {
    KubeStore store = store(NodePacking.DEFAULT_LIMIT);
    Workflow wf = store.create(workflow(HELLO));
    for (String children : List.of("[\"a\"]", "[\"a\",\"b\"]")) {
      var node =
          Codec.json()
              .readValue(
                  "{\"id\":\"hello\",\"name\":\"hello\",\"phase\":\"Running\",\"children\":"
                      + children
                      + "}",
                  dev.weft.model.status.NodeStatus.class);
      wf =
          store.updateStatus(
              wf.withStatus(status(WorkflowPhase.RUNNING, java.util.Map.of("hello", node))));
    }
    var stored =
        client
            .genericKubernetesResources(KubeKind.context(ResourceKind.WORKFLOW))
            .inNamespace("default")
            .withName("hello")
            .get();
    var tree = KubeStore.decodeValue(stored, com.fasterxml.jackson.databind.JsonNode.class);
    assertThat(tree.path("status").path("nodes").path("hello").path("children").toString())
        .isEqualTo("[\"a\",\"b\"]");
  }

  @Test
  void aWorkflowTooLargeEvenCompressedIsRefusedWithItsSize() throws Exception {
    KubeStore store = store(100);
    assertThatThrownBy(() -> store.create(workflow(HELLO)))
        .isInstanceOf(StoreException.Invalid.class)
        .hasMessageContaining("too large to store");
  }

  @Test
  void aFinishedWorkflowOutsideTheCacheIsReadFromTheApiServer() throws Exception {
    KubeStore store = store(NodePacking.DEFAULT_LIMIT);
    Workflow created = store.create(workflow(HELLO));
    var labels = new java.util.HashMap<>(created.metadata().labelsOrEmpty());
    labels.put(KubeScope.COMPLETED_LABEL, "true");
    store.update(created.withMetadata(created.metadata().withLabels(labels)));
    assertThat(store.get(Workflow.class, "default", "hello")).isPresent();
    assertThat(store.list(Workflow.class, "default", null)).hasSize(1);
  }

  @Test
  void aWorkflowEventBindingIsStoredAsArgosKindAndListedFromTheApiServer() throws Exception {
    KubeStore store = store(NodePacking.DEFAULT_LIMIT);
    var binding =
        Codec.yaml()
            .readValue(
                """
                apiVersion: argoproj.io/v1alpha1
                kind: WorkflowEventBinding
                metadata: {name: on-push, namespace: argo}
                spec:
                  event: {selector: 'metadata["x-github-event"] == ["push"]'}
                  submit: {workflowTemplateRef: {name: build}}
                """,
                dev.weft.model.WorkflowEventBinding.class);
    store.create(binding);
    assertThat(
            client
                .genericKubernetesResources(
                    KubeKind.context(dev.weft.store.ResourceKind.WORKFLOW_EVENT_BINDING))
                .inNamespace("argo")
                .withName("on-push")
                .get())
        .isNotNull();
    assertThat(store.list(dev.weft.model.WorkflowEventBinding.class, "argo", null))
        .singleElement()
        .satisfies(
            b -> assertThat(b.spec().submit().workflowTemplateRef().name()).isEqualTo("build"));
  }

  @Test
  void anEventDeliveryIsStoredInWeftsGroupWithItsStatus() throws Exception {
    KubeStore store = store(NodePacking.DEFAULT_LIMIT);
    var delivery =
        Codec.json()
            .readValue(
                """
                {"metadata": {"name": "ev-0123456789abcdef0123", "namespace": "argo"},
                 "spec": {"discriminator": "", "payload": {"ref": "refs/heads/main"}}}
                """,
                dev.weft.model.EventDelivery.class);
    var created = store.create(delivery);
    store.updateStatus(
        created.withStatus(
            new dev.weft.model.status.EventDeliveryStatus(
                "Dispatched", 1, "2024-05-01T10:00:01Z", List.of(), List.of())));
    var raw =
        client
            .genericKubernetesResources(
                KubeKind.context(dev.weft.store.ResourceKind.EVENT_DELIVERY))
            .inNamespace("argo")
            .withName("ev-0123456789abcdef0123")
            .get();
    assertThat(raw.getApiVersion()).isEqualTo("weft.dev/v1alpha1");
    assertThat(
            store
                .get(dev.weft.model.EventDelivery.class, "argo", "ev-0123456789abcdef0123")
                .orElseThrow()
                .statusOrEmpty()
                .phase())
        .isEqualTo("Dispatched");
  }

  private static WorkflowStatus status(WorkflowPhase phase) {
    return status(phase, java.util.Map.of());
  }

  private static WorkflowStatus status(
      WorkflowPhase phase, java.util.Map<String, dev.weft.model.status.NodeStatus> nodes) {
    return new WorkflowStatus(
        phase, null, null, null, null, nodes, null, null, null, null, null, null);
  }
}
