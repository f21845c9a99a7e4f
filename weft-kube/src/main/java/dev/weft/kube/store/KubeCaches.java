package dev.weft.kube.store;

import dev.weft.store.LabelSelector;
import dev.weft.store.ObjectKey;
import dev.weft.store.ResourceKind;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The informer caches the store reads from: unfinished workflows of this instance, CronWorkflows,
 * (Cluster)WorkflowTemplates and Argo's typed ConfigMaps. Finished workflows are left out (by
 * label), so memory does not grow with history; Secrets and claims are never cached.
 */
public final class KubeCaches implements AutoCloseable {
  private final Map<ResourceKind, SharedIndexInformer<GenericKubernetesResource>> informers =
      new EnumMap<>(ResourceKind.class);
  private final Map<ResourceKind, LabelSelector> selectors = new EnumMap<>(ResourceKind.class);
  private final KubeScope scope;

  private KubeCaches(KubeScope scope) {
    this.scope = scope;
  }

  /** Starts the caches and waits until each has listed once. */
  public static KubeCaches start(KubernetesClient client, KubeScope scope, Duration timeout)
      throws InterruptedException {
    KubeCaches caches = new KubeCaches(scope);
    caches.add(client, ResourceKind.WORKFLOW, scope.activeWorkflows());
    caches.add(client, ResourceKind.CRON_WORKFLOW, scope.instanceSelector());
    caches.add(client, ResourceKind.WORKFLOW_TEMPLATE, null);
    caches.add(client, ResourceKind.CLUSTER_WORKFLOW_TEMPLATE, null);
    caches.add(client, ResourceKind.CONFIG_MAP, KubeScope.CONFIGMAP_TYPE_LABEL);
    for (var informer : caches.informers.values()) {
      try {
        informer.start().toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (Exception e) {
        caches.close();
        throw new IllegalStateException("cannot list from the API server: " + e.getMessage(), e);
      }
    }
    return caches;
  }

  private void add(KubernetesClient client, ResourceKind kind, String selector) {
    var ops = KubeOps.list(client, kind, kind.namespaced() ? scope.namespace() : null);
    var filtered = selector == null ? ops : ops.withLabelSelector(selector);
    informers.put(kind, filtered.runnableInformer(0));
    if (selector != null) selectors.put(kind, LabelSelector.parse(selector));
  }

  Optional<GenericKubernetesResource> get(ObjectKey key) {
    var informer = informers.get(key.kind());
    if (informer == null) return Optional.empty();
    String cacheKey = Cache.namespaceKeyFunc(key.namespace(), key.name());
    return Optional.ofNullable(informer.getStore().getByKey(cacheKey));
  }

  /**
   * The cached objects matching, or empty when the cache cannot answer: an uncached kind, or
   * workflows, whose lists must include finished ones.
   */
  Optional<List<GenericKubernetesResource>> list(
      ResourceKind kind, String namespace, LabelSelector selector) {
    var informer = informers.get(kind);
    if (informer == null || kind == ResourceKind.WORKFLOW) return Optional.empty();
    if (kind.namespaced() && scope.namespace() != null && namespace == null) {
      return Optional.empty();
    }
    List<GenericKubernetesResource> out = new ArrayList<>();
    for (var g : informer.getStore().list()) {
      if (namespace != null
          && kind.namespaced()
          && !namespace.equals(g.getMetadata().getNamespace())) continue;
      var labels = g.getMetadata().getLabels();
      if (selector != null && !selector.matches(labels == null ? Map.of() : labels)) continue;
      out.add(g);
    }
    out.sort(
        (a, b) -> {
          int c =
              String.valueOf(a.getMetadata().getNamespace())
                  .compareTo(String.valueOf(b.getMetadata().getNamespace()));
          return c != 0 ? c : a.getMetadata().getName().compareTo(b.getMetadata().getName());
        });
    return Optional.of(out);
  }

  /** Every cached object of the kind. */
  List<GenericKubernetesResource> all(ResourceKind kind) {
    var informer = informers.get(kind);
    if (informer == null) throw new IllegalArgumentException(kind + " is not cached");
    return informer.getStore().list();
  }

  /**
   * Whether the object matches its cache's selector. A real API server stops sending an object that
   * no longer matches (as deleted); a lenient one keeps sending it.
   */
  boolean selected(ResourceKind kind, GenericKubernetesResource g) {
    LabelSelector s = selectors.get(kind);
    var labels = g.getMetadata().getLabels();
    return s == null || s.matches(labels == null ? Map.of() : labels);
  }

  /** Tells {@code handler} of every change to the kind's cache until closed. */
  AutoCloseable subscribe(
      ResourceKind kind,
      io.fabric8.kubernetes.client.informers.ResourceEventHandler<GenericKubernetesResource>
          handler) {
    var informer = informers.get(kind);
    if (informer == null) throw new IllegalArgumentException(kind + " is not cached");
    informer.addEventHandler(handler);
    return () -> informer.removeEventHandler(handler);
  }

  /** Tells {@code evict} of every object that leaves any cache (deleted, or no longer selected). */
  void onDelete(java.util.function.Consumer<ObjectKey> evict) {
    informers.forEach(
        (kind, informer) ->
            informer.addEventHandler(
                new io.fabric8.kubernetes.client.informers.ResourceEventHandler<>() {
                  @Override
                  public void onAdd(GenericKubernetesResource g) {}

                  @Override
                  public void onUpdate(
                      GenericKubernetesResource old, GenericKubernetesResource g) {}

                  @Override
                  public void onDelete(GenericKubernetesResource g, boolean finalStateUnknown) {
                    evict.accept(TypedCache.keyOf(kind, g));
                  }
                }));
  }

  String version(ResourceKind kind) {
    var informer = informers.get(kind);
    return informer == null ? null : informer.lastSyncResourceVersion();
  }

  @Override
  public void close() {
    informers.values().forEach(SharedIndexInformer::close);
  }
}
