package dev.weft.kube.store;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.model.Resource;
import dev.weft.model.codec.Codec;
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
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 */
public final class KubeStore implements Store {
  static final ObjectMapper LENIENT =
      Codec.json().copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final KubernetesClient client;
  private final KubeCaches caches;
  private final int sizeLimit;
  private final Map<ObjectKey, ObjectNode> written = new ConcurrentHashMap<>();

  public KubeStore(KubernetesClient client, KubeCaches caches, int sizeLimit) {
    this.client = client;
    this.caches = caches;
    this.sizeLimit = sizeLimit;
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
      ObjectNode raw = raw(created);
      key = ObjectKey.of(kind, ns, created.getMetadata().getName());
      written.put(key, raw);
      return decode(raw, obj);
    } catch (KubernetesClientException e) {
      throw KubeErrors.translate(e, key, null);
    }
  }

  @Override
  public <T extends Resource> Optional<T> get(Class<T> type, String namespace, String name) {
    ResourceKind kind = ResourceKind.of(type);
    ObjectKey key = ObjectKey.of(kind, namespace(kind, namespace), name);
    return freshest(key).map(raw -> decode(raw, type));
  }

  /** The newest of the cache and this process's write; the API server on a cache miss. */
  private Optional<ObjectNode> freshest(ObjectKey key) {
    Optional<ObjectNode> cached = caches.get(key).map(KubeStore::raw);
    if (cached.isEmpty()) {
      written.remove(key);
      return fetch(key);
    }
    ObjectNode mine = written.get(key);
    if (mine == null) return cached;
    if (Versions.newer(mine, cached.get())) return Optional.of(mine);
    written.remove(key, mine);
    return cached;
  }

  private Optional<ObjectNode> fetch(ObjectKey key) {
    try {
      GenericKubernetesResource g =
          KubeOps.of(client, key.kind(), key.namespace()).withName(key.name()).get();
      return Optional.ofNullable(g).map(KubeStore::raw);
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
      for (var g : cached.get()) items.add(decode(raw(g), type));
      return new ListResult<>(items, caches.version(kind));
    }
    var ops = KubeOps.list(client, kind, kind.namespaced() ? namespace : null);
    GenericKubernetesResourceList list =
        selector == null || selector.isEverything()
            ? ops.list()
            : ops.withLabelSelector(selector.toString()).list();
    List<T> items = new ArrayList<>();
    for (var g : list.getItems()) items.add(decode(raw(g), type));
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
    ObjectNode base = freshest(key).orElseThrow(() -> new StoreException.NotFound(key));
    ObjectNode before = storedForm(base, decode(base, obj));
    ObjectNode after = (ObjectNode) Codec.tree(obj);
    if (kind == ResourceKind.WORKFLOW) after = guard(after, obj.metadata().name());
    ArrayNode patch =
        statusOnly
            ? JsonPatch.diff(only("status", before), only("status", after))
            : JsonPatch.diff(writable(before), writable(after));
    // The version the change was based on: the API server refuses it (409) if the object moved on.
    patch
        .insertObject(0)
        .put("op", "replace")
        .put("path", "/metadata/resourceVersion")
        .put("value", rv == null ? "" : rv);
    try {
      GenericKubernetesResource saved =
          KubeOps.of(client, kind, ns)
              .withName(key.name())
              .patch(PatchContext.of(PatchType.JSON), Codec.toJson(patch));
      ObjectNode raw = raw(saved);
      written.put(key, raw);
      return decode(raw, obj);
    } catch (KubernetesClientException e) {
      written.remove(key);
      throw KubeErrors.translate(e, key, rv);
    }
  }

  private static ObjectNode only(String field, ObjectNode tree) {
    ObjectNode out = Codec.json().createObjectNode();
    if (tree.has(field)) out.set(field, tree.get(field));
    return out;
  }

  /** What the patch may change: not the metadata the API server owns. */
  private static ObjectNode writable(ObjectNode tree) {
    ObjectNode copy = tree.deepCopy();
    ObjectNode meta = copy.withObject("metadata");
    for (String owned :
        List.of(
            "uid",
            "resourceVersion",
            "generation",
            "creationTimestamp",
            "deletionTimestamp",
            "managedFields",
            "namespace",
            "name")) {
      meta.remove(owned);
    }
    return copy;
  }

  /**
   * What Weft last read, in the form it is stored: Weft's encoding of the decoded object, with the
   * stored compressed nodes in place of the expanded ones, so unchanged nodes patch nothing.
   */
  private static ObjectNode storedForm(ObjectNode raw, Resource decoded) {
    ObjectNode view = (ObjectNode) Codec.tree(decoded);
    var compressed = raw.path("status").get("compressedNodes");
    if (compressed != null && view.has("status")) {
      ObjectNode status = (ObjectNode) view.get("status");
      status.remove("nodes");
      status.set("compressedNodes", compressed);
    }
    return view;
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
      written.remove(key);
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
    ResourceKind kind = ResourceKind.of(type);
    var options = new ListOptionsBuilder().withResourceVersion(fromResourceVersion).build();
    var watch =
        KubeOps.list(client, kind, kind.namespaced() ? namespace : null)
            .watch(
                options,
                new Watcher<>() {
                  @Override
                  public void eventReceived(Action action, GenericKubernetesResource g) {
                    WatchEvent.Type t =
                        switch (action) {
                          case ADDED -> WatchEvent.Type.ADDED;
                          case DELETED -> WatchEvent.Type.DELETED;
                          default -> WatchEvent.Type.MODIFIED;
                        };
                    if (action != Action.BOOKMARK && action != Action.ERROR) {
                      handler.accept(new WatchEvent(t, decode(raw(g), type)));
                    }
                  }

                  @Override
                  public void onClose(WatcherException cause) {
                    // the store's watchers are informers, which relist on their own schedule
                  }
                });
    return watch::close;
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
