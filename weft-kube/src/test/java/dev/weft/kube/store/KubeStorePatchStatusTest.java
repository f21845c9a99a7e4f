package dev.weft.kube.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.model.Workflow;
import dev.weft.model.codec.Codec;
import dev.weft.model.status.NodeStatus;
import dev.weft.model.status.StatusPatch;
import dev.weft.model.status.WorkflowPhase;
import dev.weft.model.status.WorkflowStatus;
import dev.weft.runtime.Informer;
import dev.weft.store.ResourceKind;
import dev.weft.store.StoreException;
import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KubeStorePatchStatusTest {
  private static final Logger MOCK_LOG = Logger.getLogger("io.fabric8.mockwebserver");

  private KubernetesMockServer server;
  private NamespacedKubernetesClient client;
  private KubeCaches caches;
  private final List<String> patches = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws Exception {
    MOCK_LOG.setLevel(Level.WARNING);
    server =
        new KubernetesMockServer(
            new Context(),
            new MockWebServer(),
            new HashMap<>(),
            new KubernetesCrudDispatcher(List.of()) {
              @Override
              public MockResponse handlePatch(RecordedRequest request) {
                // the body is read once, by the dispatcher: keep a copy first
                String patch = new String(request.getBody().getBytes(), StandardCharsets.UTF_8);
                patches.add(patch);
                MockResponse refused = asAnApiServerApplies(request, patch);
                return refused != null ? refused : super.handlePatch(request);
              }

              /**
               * A real API server applies a JSON Patch to the stored object strictly (RFC 6902: no
               * member to remove or replace, no parent to add to, is an error, answered 422) before
               * it compares resourceVersions; the mock makes missing paths instead.
               */
              private MockResponse asAnApiServerApplies(RecordedRequest request, String patch) {
                String type = request.getHeader("Content-Type");
                if (type == null || !type.contains("json-patch")) return null;
                MockResponse current = handleGet(request.getPath().replaceFirst("\\?.*", ""));
                if (current.code() != 200) return null;
                try {
                  io.fabric8.zjsonpatch.JsonPatch.apply(
                      Codec.json().readTree(patch),
                      Codec.json().readTree(current.getBody().getBytes()),
                      java.util.EnumSet.of(
                          io.fabric8.zjsonpatch.CompatibilityFlags.FORBID_REMOVE_MISSING_OBJECT));
                  return null;
                } catch (io.fabric8.zjsonpatch.JsonPatchException e) {
                  return new MockResponse()
                      .setResponseCode(422)
                      .setBody(
                          "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\","
                              + "\"reason\":\"Invalid\",\"code\":422,\"message\":"
                              + Codec.toJson(e.getMessage())
                              + "}");
                } catch (java.io.IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              }
            },
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
  void aPatchCarriesOnlyTheChangedNodes() throws Exception {
    KubeStore store = new KubeStore(client, caches, NodePacking.DEFAULT_LIMIT);
    Workflow wf = running(store, nodes(50));
    Map<String, NodeStatus> next = new LinkedHashMap<>(wf.status().nodes());
    next.put("n-7", node("n-7", "Succeeded"));
    next.put("n-new", node("n-new", "Pending"));
    drainRequests();
    store.patchStatus(wf, StatusPatch.between(wf.status(), withNodes(wf.status(), next)), null);
    assertThat(paths(onlyPatch()))
        .containsExactly("/metadata/resourceVersion", "/status/nodes/n-7", "/status/nodes/n-new");
  }

  @Test
  void theAnswerIsTheStoredWorkflowBuiltWithoutDecoding() throws Exception {
    KubeStore store = new KubeStore(client, caches, NodePacking.DEFAULT_LIMIT);
    Workflow wf = running(store, nodes(5));
    Map<String, NodeStatus> next = new LinkedHashMap<>(wf.status().nodes());
    next.put("n-2", node("n-2", "Failed"));
    next.remove("n-4");
    WorkflowStatus after = withNodes(wf.status(), next);
    Workflow result = store.patchStatus(wf, StatusPatch.between(wf.status(), after), null);
    assertThat(result.status()).isEqualTo(after);
    assertThat(result).isEqualTo(fromServer());
  }

  @Test
  void aPatchOnAStaleResourceVersionIsAConflict() throws Exception {
    KubeStore store = new KubeStore(client, caches, NodePacking.DEFAULT_LIMIT);
    Workflow wf = running(store, nodes(3));
    Map<String, NodeStatus> next = new LinkedHashMap<>(wf.status().nodes());
    next.put("n-1", node("n-1", "Succeeded"));
    StatusPatch patch = StatusPatch.between(wf.status(), withNodes(wf.status(), next));
    store.patchStatus(wf, patch, null);
    assertThatThrownBy(() -> store.patchStatus(wf, patch, null))
        .isInstanceOf(StoreException.Conflict.class);
  }

  @Test
  void aStalePatchRemovingWhatTheNewerWorkflowNoLongerHasIsAConflict() throws Exception {
    // an API server applies a JSON Patch before it compares resourceVersions: removing a member
    // the newer object lacks fails the patch itself (422), which must not read as bad input
    KubeStore store = new KubeStore(client, caches, NodePacking.DEFAULT_LIMIT);
    Workflow wf = running(store, nodes(3));
    Map<String, NodeStatus> fewer = new LinkedHashMap<>(wf.status().nodes());
    fewer.remove("n-2");
    StatusPatch patch = StatusPatch.between(wf.status(), withNodes(wf.status(), fewer));
    store.patchStatus(wf, patch, null);
    assertThatThrownBy(() -> store.patchStatus(wf, patch, null))
        .isInstanceOf(StoreException.Conflict.class);
  }

  @Test
  void anEmptyPatchOnAStaleResourceVersionIsAConflictToo() throws Exception {
    KubeStore store = new KubeStore(client, caches, NodePacking.DEFAULT_LIMIT);
    Workflow wf = running(store, nodes(3));
    store.patchStatus(wf, StatusPatch.between(wf.status(), message(wf.status(), "moved")), null);
    StatusPatch nothing = StatusPatch.between(wf.status(), wf.status());
    assertThatThrownBy(() -> store.patchStatus(wf, nothing, null))
        .isInstanceOf(StoreException.Conflict.class);
  }

  @Test
  void labelsAreSetInTheSameWrite() throws Exception {
    KubeStore store = new KubeStore(client, caches, NodePacking.DEFAULT_LIMIT);
    Workflow wf = running(store, nodes(2));
    wf =
        store.patchStatus(
            wf,
            StatusPatch.between(wf.status(), wf.status()),
            Map.of("workflows.argoproj.io/phase", "Running"));
    long version = Long.parseLong(wf.metadata().resourceVersion());
    WorkflowStatus done = phase(wf.status(), WorkflowPhase.SUCCEEDED);
    drainRequests();
    Workflow result =
        store.patchStatus(
            wf,
            StatusPatch.between(wf.status(), done),
            Map.of(
                "workflows.argoproj.io/phase",
                "Succeeded",
                "workflows.argoproj.io/completed",
                "true"));
    assertThat(paths(onlyPatch()))
        .contains(
            "/status/phase",
            "/metadata/labels/workflows.argoproj.io~1phase",
            "/metadata/labels/workflows.argoproj.io~1completed");
    assertThat(Long.parseLong(result.metadata().resourceVersion())).isGreaterThan(version);
    Workflow stored = fromServer();
    assertThat(stored.metadata().labels()).containsEntry("workflows.argoproj.io/completed", "true");
    assertThat(stored.status().phase()).isEqualTo(WorkflowPhase.SUCCEEDED);
    assertThat(result).isEqualTo(stored);
  }

  @Test
  void nodeIdsWithSlashesAndTildesAreWrittenChangedAndRemoved() throws Exception {
    KubeStore store = new KubeStore(client, caches, NodePacking.DEFAULT_LIMIT);
    Map<String, NodeStatus> odd = new LinkedHashMap<>();
    // not "~1" itself: fabric8's mock decodes a pointer twice (an RFC 6901 server reads "e~01f" as
    // "e~1f", the mock as "e/f"); the full write path escapes the same way
    for (String id : List.of("a/b", "c~d", "e~f", "g~0/h")) odd.put(id, node(id, "Running"));
    Workflow wf = running(store, odd);
    Map<String, NodeStatus> next = new LinkedHashMap<>(wf.status().nodes());
    next.put("a/b", node("a/b", "Succeeded"));
    next.put("e~f", node("e~f", "Failed"));
    next.remove("c~d");
    WorkflowStatus after = withNodes(wf.status(), next);
    store.patchStatus(wf, StatusPatch.between(wf.status(), after), null);
    assertThat(fromServer().status()).isEqualTo(after);
  }

  @Test
  void aHeaderFieldClearedIsRemoved() throws Exception {
    KubeStore store = new KubeStore(client, caches, NodePacking.DEFAULT_LIMIT);
    Workflow wf = running(store, nodes(1));
    WorkflowStatus said = message(wf.status(), "waiting for a lock");
    wf = store.patchStatus(wf, StatusPatch.between(wf.status(), said), null);
    WorkflowStatus cleared = message(said, null);
    drainRequests();
    store.patchStatus(wf, StatusPatch.between(said, cleared), null);
    assertThat(onlyPatch().toString()).contains("{\"op\":\"remove\",\"path\":\"/status/message\"}");
    assertThat(fromServer().status().message()).isNull();
  }

  @Test
  void aWorkflowWithoutStatusGetsItsFirstStatusWhole() throws Exception {
    KubeStore store = new KubeStore(client, caches, NodePacking.DEFAULT_LIMIT);
    Workflow wf = store.create(Codec.yaml().readValue(HELLO, Workflow.class));
    WorkflowStatus first = status(WorkflowPhase.RUNNING, nodes(2));
    Workflow result = store.patchStatus(wf, StatusPatch.between(null, first), null);
    assertThat(fromServer().status()).isEqualTo(first);
    assertThat(result).isEqualTo(fromServer());
  }

  @Test
  void aCompressedWorkflowIsPatchedTheFullWayAndReadWhole() throws Exception {
    KubeStore store = new KubeStore(client, caches, 4_000);
    Workflow wf = running(store, nodes(60));
    assertThat(storedStatus().has("compressedNodes")).isTrue();
    Map<String, NodeStatus> next = new LinkedHashMap<>(wf.status().nodes());
    next.put("n-59", node("n-59", "Succeeded"));
    WorkflowStatus after = withNodes(wf.status(), next);
    store.patchStatus(wf, StatusPatch.between(wf.status(), after), null);
    assertThat(storedStatus().has("compressedNodes")).isTrue();
    assertThat(storedStatus().has("nodes")).isFalse();
    assertThat(fromServer().status()).isEqualTo(after);
  }

  @Test
  void aPatchThatCrossesTheSizeLimitCompressesTheNodes() throws Exception {
    KubeStore store = new KubeStore(client, caches, 4_000);
    Workflow wf = running(store, nodes(3));
    assertThat(storedStatus().has("nodes")).isTrue();
    WorkflowStatus grown = withNodes(wf.status(), nodes(60));
    store.patchStatus(wf, StatusPatch.between(wf.status(), grown), null);
    assertThat(storedStatus().has("compressedNodes")).isTrue();
    assertThat(fromServer().status()).isEqualTo(grown);
  }

  @Test
  void getAndTheInformerSeeTheWholeStatusAndReuseTheOwnWrite() throws Exception {
    KubeStore store = new KubeStore(client, caches, NodePacking.DEFAULT_LIMIT);
    Informer<String, Workflow> informer =
        new KubeInformers(caches, store.typed()).informer(Workflow.class, Workflow::name);
    informer.start();
    try {
      assertThat(informer.waitForSync(Duration.ofSeconds(30))).isTrue();
      Workflow wf = running(store, nodes(20));
      Map<String, NodeStatus> next = new LinkedHashMap<>(wf.status().nodes());
      next.put("n-3", node("n-3", "Succeeded"));
      Workflow result =
          store.patchStatus(
              wf, StatusPatch.between(wf.status(), withNodes(wf.status(), next)), null);
      awaitCached(result.metadata().resourceVersion());
      assertThat(store.get(Workflow.class, "default", "hello")).get().isSameAs(result);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (!result.metadata().resourceVersion().equals(informedVersion(informer))
          && System.nanoTime() < deadline) Thread.sleep(10);
      assertThat(informer.get("hello")).get().isSameAs(result);
      assertThat(result.status().nodes()).hasSize(20);
    } finally {
      informer.close();
    }
  }

  // --- fixtures ---

  /** The workflow created, then given a Running status with {@code nodes} by a status patch. */
  private Workflow running(KubeStore store, Map<String, NodeStatus> nodes) throws Exception {
    Workflow wf = store.create(Codec.yaml().readValue(HELLO, Workflow.class));
    WorkflowStatus first = status(WorkflowPhase.RUNNING, nodes);
    Workflow result = store.patchStatus(wf, StatusPatch.between(wf.status(), first), null);
    awaitCached(result.metadata().resourceVersion());
    return result;
  }

  private void awaitCached(String rv) throws InterruptedException {
    var key = dev.weft.store.ObjectKey.of(ResourceKind.WORKFLOW, "default", "hello");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      var g = caches.get(key);
      if (g.isPresent() && rv.equals(g.get().getMetadata().getResourceVersion())) return;
      Thread.sleep(10);
    }
    throw new AssertionError("the cache never saw resourceVersion " + rv);
  }

  private static String informedVersion(Informer<String, Workflow> informer) {
    return informer.get("hello").map(w -> w.metadata().resourceVersion()).orElse(null);
  }

  private io.fabric8.kubernetes.api.model.GenericKubernetesResource stored() {
    return client
        .genericKubernetesResources(KubeKind.context(ResourceKind.WORKFLOW))
        .inNamespace("default")
        .withName("hello")
        .get();
  }

  private JsonNode storedStatus() {
    return KubeStore.decodeValue(stored(), JsonNode.class).path("status");
  }

  /** The workflow as the API server has it, decoded the way the store decodes. */
  private Workflow fromServer() {
    return KubeStore.decode(KubeStore.raw(stored()), Workflow.class);
  }

  private void drainRequests() {
    patches.clear();
  }

  /** The one PATCH sent since the last drain. */
  private JsonNode onlyPatch() throws Exception {
    assertThat(patches).hasSize(1);
    return Codec.json().readTree(patches.get(0));
  }

  private static List<String> paths(JsonNode patch) {
    List<String> out = new ArrayList<>();
    patch.forEach(op -> out.add(op.path("path").asText()));
    return out;
  }

  private static Map<String, NodeStatus> nodes(int count) throws Exception {
    Map<String, NodeStatus> out = new LinkedHashMap<>();
    for (int i = 0; i < count; i++) out.put("n-" + i, node("n-" + i, "Running"));
    return out;
  }

  private static NodeStatus node(String id, String phase) throws Exception {
    return Codec.json()
        .readValue(
            Codec.json()
                .writeValueAsString(
                    Map.of(
                        "id",
                        id,
                        "name",
                        "hello(" + id + ")",
                        "phase",
                        phase,
                        "children",
                        List.of("x-" + id, "y-" + id))),
            NodeStatus.class);
  }

  private static WorkflowStatus status(WorkflowPhase phase, Map<String, NodeStatus> nodes) {
    return new WorkflowStatus(
        phase, null, null, null, null, nodes, null, null, null, null, null, null);
  }

  private static WorkflowStatus withNodes(WorkflowStatus s, Map<String, NodeStatus> nodes) {
    return new WorkflowStatus(
        s.phase(),
        s.startedAt(),
        s.finishedAt(),
        s.progress(),
        s.message(),
        nodes,
        s.outputs(),
        s.conditions(),
        s.persistentVolumeClaims(),
        s.storedTemplates(),
        s.storedWorkflowTemplateSpec(),
        s.synchronization());
  }

  private static WorkflowStatus phase(WorkflowStatus s, WorkflowPhase phase) {
    return new WorkflowStatus(
        phase,
        s.startedAt(),
        s.finishedAt(),
        s.progress(),
        s.message(),
        s.nodes(),
        s.outputs(),
        s.conditions(),
        s.persistentVolumeClaims(),
        s.storedTemplates(),
        s.storedWorkflowTemplateSpec(),
        s.synchronization());
  }

  private static WorkflowStatus message(WorkflowStatus s, String message) {
    return new WorkflowStatus(
        s.phase(),
        s.startedAt(),
        s.finishedAt(),
        s.progress(),
        message,
        s.nodes(),
        s.outputs(),
        s.conditions(),
        s.persistentVolumeClaims(),
        s.storedTemplates(),
        s.storedWorkflowTemplateSpec(),
        s.synchronization());
  }
}
