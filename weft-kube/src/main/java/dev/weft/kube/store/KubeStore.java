package dev.weft.kube.store;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.model.ObjectMeta;
import dev.weft.model.Resource;
import dev.weft.model.Workflow;
import dev.weft.model.codec.Codec;
import dev.weft.model.status.StatusPatch;
import dev.weft.store.LabelSelector;
import dev.weft.store.ListResult;
import dev.weft.store.ObjectKey;
import dev.weft.store.ResourceKind;
import dev.weft.store.Store;
import dev.weft.store.StoreException;
import dev.weft.store.Watch;
import dev.weft.store.WatchEvent;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The store on a Kubernetes API server. Reads come from the informer caches ({@link KubeCaches}),
 * with this process's own latest writes laid over them so a reconcile never decides on what it
 * wrote a moment ago; objects outside the caches (finished workflows, Secrets, claims) are read
 * from the API server.
 *
 * <p>Every write is a JSON Patch carrying the resourceVersion it was based on (a stale one is a
 * 409, a conflict): the patch is the difference between what Weft decoded and what it wants, so
 * fields Weft does not model are kept. Argo's CRDs have no status subresource, so status goes to
 * the main resource too. A workflow above the size limit has its nodes compressed, as Argo does.
 *
 * <p>A status patch ({@link #patchStatus}) is written as what it changed only, and its result is
 * built here rather than decoded from the answer; typed copies are kept by resourceVersion ({@link
 * TypedCache}), so neither the store nor the informers decode what this process just wrote.
 */
public final class KubeStore implements Store {
  static final ObjectMapper LENIENT =
      Codec.json().copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final KubernetesClient client;
  private final KubeCaches caches;
  private final int sizeLimit;
  private final Map<ObjectKey, GenericKubernetesResource> written = new ConcurrentHashMap<>();
  private final TypedCache typed = new TypedCache();
  private final WorkflowSizes sizes = new WorkflowSizes();

  public KubeStore(KubernetesClient client, KubeCaches caches, int sizeLimit) {
    this.client = client;
    this.caches = caches;
    this.sizeLimit = sizeLimit;
    // what is kept of an object leaves with it (a finished workflow leaves the cache as deleted)
    caches.onDelete(this::forget);
  }

  /** The typed copies this store keeps, for informers fed by the same caches. */
  public TypedCache typed() {
    return typed;
  }

  public KubernetesClient client() {
    return client;
  }

  @Override
  public <T extends Resource> T create(T obj) {
    ResourceKind kind = ResourceKind.of(obj);
    ObjectNode tree = (ObjectNode) Codec.tree(obj);
    tree.put("apiVersion", kind.defaultApiVersion()).put("kind", kind.kindName());
    String ns = namespace(kind, obj.metadata().namespace());
    if (kind.namespaced()) tree.withObject("metadata").put("namespace", ns);
    if (kind == ResourceKind.WORKFLOW) tree = guard(tree, obj.metadata().name());
    ObjectKey key = ObjectKey.of(kind, ns, String.valueOf(obj.metadata().name()));
    try {
      GenericKubernetesResource created =
          KubeOps.of(client, kind, ns).resource(toGeneric(tree)).create();
      key = ObjectKey.of(kind, ns, created.getMetadata().getName());
      T result = decode(raw(created), obj);
      remember(key, created, result);
      return result;
    } catch (KubernetesClientException e) {
      throw KubeErrors.translate(e, key, null);
    }
  }

  @Override
  public <T extends Resource> Optional<T> get(Class<T> type, String namespace, String name) {
    ResourceKind kind = ResourceKind.of(type);
    ObjectKey key = ObjectKey.of(kind, namespace(kind, namespace), name);
    Optional<GenericKubernetesResource> cached = caches.get(key);
    if (cached.isEmpty()) {
      forget(key);
      return fetch(key).map(g -> typed.typed(key, g, type, false));
    }
    return Optional.of(typed.typed(key, newest(key, cached.get()), type, true));
  }

  /** The newest of the cache and this process's write; the API server on a cache miss. */
  private Optional<GenericKubernetesResource> freshest(ObjectKey key) {
    Optional<GenericKubernetesResource> cached = caches.get(key);
    if (cached.isEmpty()) {
      forget(key);
      return fetch(key);
    }
    return Optional.of(newest(key, cached.get()));
  }

  private GenericKubernetesResource newest(ObjectKey key, GenericKubernetesResource cached) {
    GenericKubernetesResource mine = written.get(key);
    if (mine == null) return cached;
    if (Versions.newer(mine, cached)) return mine;
    written.remove(key, mine);
    return cached;
  }

  /** What this store keeps of an own write: only for objects the caches hold (and evict). */
  private void remember(ObjectKey key, GenericKubernetesResource saved, Resource result) {
    if (caches.get(key).isEmpty()) return;
    written.put(key, saved);
    typed.put(key, result);
  }

  private void forget(ObjectKey key) {
    written.remove(key);
    typed.evict(key);
    sizes.forget(key);
  }

  /**
   * The store's exception for a JSON Patch the API server refused. The server applies the patch to
   * the object as stored before it compares resourceVersions, so on a stale version an operation on
   * a member the newer object lacks fails the patch itself (422): that is a conflict, not bad
   * input, when the object has moved on from {@code rv}.
   */
  private RuntimeException patchRefused(KubernetesClientException e, ObjectKey key, String rv) {
    if (e.getCode() == 422 && rv != null) {
      Optional<GenericKubernetesResource> now = fetch(key);
      if (now.isEmpty()) return new StoreException.NotFound(key);
      String stored = Versions.of(now.get());
      if (!rv.equals(stored)) return new StoreException.Conflict(key, rv, stored);
    }
    return KubeErrors.translate(e, key, rv);
  }

  private Optional<GenericKubernetesResource> fetch(ObjectKey key) {
    try {
      return Optional.ofNullable(
          KubeOps.of(client, key.kind(), key.namespace()).withName(key.name()).get());
    } catch (KubernetesClientException e) {
      if (e.getCode() == 404) return Optional.empty();
      throw KubeErrors.translate(e, key, null);
    }
  }

  @Override
  public <T extends Resource> ListResult<T> listWithVersion(
      Class<T> type, String namespace, LabelSelector selector) {
    ResourceKind kind = ResourceKind.of(type);
    Optional<List<GenericKubernetesResource>> cached = caches.list(kind, namespace, selector);
    if (cached.isPresent()) {
      List<T> items = new ArrayList<>();
      for (var g : cached.get()) items.add(typed.typed(TypedCache.keyOf(kind, g), g, type, true));
      return new ListResult<>(items, caches.version(kind));
    }
    var ops = KubeOps.list(client, kind, kind.namespaced() ? namespace : null);
    GenericKubernetesResourceList list =
        selector == null || selector.isEverything()
            ? ops.list()
            : ops.withLabelSelector(selector.toString()).list();
    List<T> items = new ArrayList<>();
    for (var g : list.getItems()) {
      items.add(typed.typed(TypedCache.keyOf(kind, g), g, type, false));
    }
    return new ListResult<>(items, list.getMetadata().getResourceVersion());
  }

  @Override
  public <T extends Resource> T update(T obj) {
    return write(obj, false);
  }

  @Override
  public <T extends Resource> T updateStatus(T obj) {
    return write(obj, true);
  }

  private <T extends Resource> T write(T obj, boolean statusOnly) {
    ResourceKind kind = ResourceKind.of(obj);
    String ns = namespace(kind, obj.metadata().namespace());
    ObjectKey key = ObjectKey.of(kind, ns, obj.metadata().name());
    String rv = obj.metadata().resourceVersion();
    ObjectNode base = freshest(key).map(KubeStore::raw).orElseThrow(() -> notFound(key));
    ObjectNode before = StoredForms.storedForm(base, decode(base, obj));
    ObjectNode after = (ObjectNode) Codec.tree(obj);
    if (kind == ResourceKind.WORKFLOW) after = guard(after, obj.metadata().name());
    ArrayNode patch =
        statusOnly
            ? JsonPatch.diff(StoredForms.only("status", before), StoredForms.only("status", after))
            : JsonPatch.diff(StoredForms.writable(before), StoredForms.writable(after));
    // The version the change was based on: the API server refuses it (409) if the object moved on.
    patch
        .insertObject(0)
        .put("op", "replace")
        .put("path", "/metadata/resourceVersion")
        .put("value", rv == null ? "" : rv);
    try (var writing = typed.writing(key)) {
      GenericKubernetesResource saved =
          KubeOps.of(client, kind, ns)
              .withName(key.name())
              .patch(PatchContext.of(PatchType.JSON), Codec.toJson(patch));
      T result = decode(raw(saved), obj);
      sizes.forget(key);
      remember(key, saved, result);
      return result;
    } catch (KubernetesClientException e) {
      written.remove(key);
      sizes.forget(key);
      throw patchRefused(e, key, rv);
    }
  }

  /**
   * Writes only what {@code patch} changed (see {@link StatusJsonPatch}) and returns {@code
   * current} with it applied, with the API server's new resourceVersion and generation: the answer
   * is not decoded. The size guard adds the change's bytes to the size known from this store's last
   * write and measures the whole workflow only near the limit; a workflow whose nodes are not
   * stored inline (compressed, or offloaded by Argo) goes the full way, which compresses and
   * decompresses.
   */
  @Override
  public Workflow patchStatus(Workflow current, StatusPatch patch, Map<String, String> labels) {
    String ns = namespace(ResourceKind.WORKFLOW, current.metadata().namespace());
    ObjectKey key = ObjectKey.of(ResourceKind.WORKFLOW, ns, current.metadata().name());
    String rv = current.metadata().resourceVersion();
    boolean relabel = labels != null && !labels.equals(current.metadata().labelsOrEmpty());
    OptionalLong known = rv == null ? OptionalLong.empty() : sizes.bytes(key, rv);
    if (known.isEmpty() && rv != null && nodesInline(key)) {
      sizes.measured(key, rv, WorkflowSizes.measure(current));
      known = sizes.bytes(key, rv);
    }
    if (known.isEmpty()) return Store.super.patchStatus(current, patch, labels);
    StatusJsonPatch body =
        StatusJsonPatch.build(
            current, patch, relabel ? labels : null, (id, n) -> sizes.nodeBytes(key, id, n));
    Workflow next = current.withStatus(patch.applyTo(current.status()));
    if (relabel) {
      next =
          next.withMetadata(
              current
                  .metadata()
                  .withLabels(Collections.unmodifiableMap(new LinkedHashMap<>(labels))));
    }
    long size = known.getAsLong() + body.sizeChange();
    if (size > sizeLimit - sizeLimit / 10) {
      size = WorkflowSizes.measure(next);
      if (size > sizeLimit) {
        sizes.forget(key);
        return Store.super.patchStatus(current, patch, labels);
      }
    }
    try (var writing = typed.writing(key)) {
      GenericKubernetesResource saved =
          KubeOps.of(client, ResourceKind.WORKFLOW, ns)
              .withName(key.name())
              .patch(PatchContext.of(PatchType.JSON), body.json());
      Workflow result = next.withMetadata(stored(next.metadata(), saved));
      sizes.wrote(
          key, rv, result.metadata().resourceVersion(), size, body.nodeSizes(), patch.removed());
      remember(key, saved, result);
      return result;
    } catch (KubernetesClientException e) {
      written.remove(key);
      sizes.forget(key);
      throw patchRefused(e, key, rv);
    }
  }

  /** Whether the stored workflow keeps its nodes in status.nodes (not compressed or offloaded). */
  private boolean nodesInline(ObjectKey key) {
    Optional<GenericKubernetesResource> stored = freshest(key);
    if (stored.isEmpty()) return false;
    if (!(stored.get().getAdditionalProperties().get("status") instanceof Map<?, ?> status)) {
      return true;
    }
    return status.get("compressedNodes") == null && status.get("offloadNodeStatusVersion") == null;
  }

  /** {@code meta} with the metadata the API server set on the write. */
  private static ObjectMeta stored(ObjectMeta meta, GenericKubernetesResource saved) {
    return new ObjectMeta(
        meta.name(),
        meta.generateName(),
        meta.namespace(),
        meta.labels(),
        meta.annotations(),
        meta.uid(),
        saved.getMetadata().getResourceVersion(),
        saved.getMetadata().getGeneration(),
        meta.creationTimestamp(),
        meta.deletionTimestamp(),
        meta.finalizers(),
        meta.ownerReferences());
  }

  private static StoreException notFound(ObjectKey key) {
    return new StoreException.NotFound(key);
  }

  /** Argo's size guard: nodes compressed above the limit; a clear error if still too big. */
  private ObjectNode guard(ObjectNode workflow, String name) {
    ObjectNode packed = NodePacking.pack(workflow, sizeLimit);
    int size = NodePacking.size(packed);
    if (size > sizeLimit) {
      throw new StoreException.Invalid(
          "workflow "
              + name
              + " is too large to store: "
              + size
              + " bytes with its nodes compressed, over the limit of "
              + sizeLimit
              + " bytes");
    }
    return packed;
  }

  @Override
  public void delete(Class<? extends Resource> type, String namespace, String name) {
    ResourceKind kind = ResourceKind.of(type);
    ObjectKey key = ObjectKey.of(kind, namespace(kind, namespace), name);
    try {
      var deleted = KubeOps.of(client, kind, key.namespace()).withName(name).delete();
      forget(key);
      if (deleted.isEmpty()) throw new StoreException.NotFound(key);
    } catch (KubernetesClientException e) {
      throw KubeErrors.translate(e, key, null);
    }
  }

  @Override
  public Watch watch(
      Class<? extends Resource> type,
      String namespace,
      String fromResourceVersion,
      Consumer<WatchEvent> handler) {
    return KubeWatch.open(client, typed, type, namespace, fromResourceVersion, handler);
  }

  @Override
  public String currentResourceVersion() {
    return KubeOps.list(client, ResourceKind.CONFIG_MAP, null)
        .list(new ListOptionsBuilder().withLimit(1L).build())
        .getMetadata()
        .getResourceVersion();
  }

  private String namespace(ResourceKind kind, String namespace) {
    if (!kind.namespaced()) return null;
    return namespace == null || namespace.isEmpty() ? "default" : namespace;
  }

  static ObjectNode raw(GenericKubernetesResource g) {
    ObjectNode tree = LENIENT.valueToTree(g);
    if (tree.get("metadata") instanceof ObjectNode meta) meta.remove("managedFields");
    return tree;
  }

  static GenericKubernetesResource toGeneric(ObjectNode tree) {
    return LENIENT.convertValue(tree, GenericKubernetesResource.class);
  }

  @SuppressWarnings("unchecked")
  private static <T extends Resource> T decode(ObjectNode raw, T like) {
    return (T) decode(raw, like.getClass());
  }

  /** A part of an object (a task result's outputs) as Weft's type, ignoring what it lacks. */
  public static <T> T decodeValue(Object tree, Class<T> type) {
    return LENIENT.convertValue(tree, type);
  }

  static <T> T decode(ObjectNode raw, Class<T> type) {
    ObjectNode tree = NodePacking.unpack(raw);
    try {
      return LENIENT.treeToValue(tree, type);
    } catch (Exception e) {
      throw new StoreException.Invalid(
          "cannot read "
              + type.getSimpleName()
              + " "
              + tree.path("metadata").path("name").asText()
              + ": "
              + e.getMessage());
    }
  }
}
