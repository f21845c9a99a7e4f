package dev.weft.kube.store;

import dev.weft.controller.informer.InformerSource;
import dev.weft.model.Resource;
import dev.weft.runtime.Informer;
import dev.weft.runtime.Listing;
import dev.weft.runtime.WatchSignal;
import dev.weft.store.ObjectKey;
import dev.weft.store.ResourceKind;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The controllers' informers, fed by the same caches the store reads ({@link KubeCaches}): when a
 * controller hears of a change, the store already returns it, so a reconcile never decides on an
 * older copy than the one that woke it. An object that stops matching its cache's selector (a
 * finished workflow) leaves the informer as deleted.
 */
public final class KubeInformers implements InformerSource {
  private final KubeCaches caches;
  private final TypedCache typed;

  /**
   * Informers on {@code caches} whose objects are the typed copies {@code typed} keeps (the
   * store's, {@link KubeStore#typed}): an event for this process's own write is not decoded again.
   */
  public KubeInformers(KubeCaches caches, TypedCache typed) {
    this.caches = caches;
    this.typed = typed;
  }

  @Override
  public <K, T extends Resource> Informer<K, T> informer(Class<T> type, Function<T, K> keyOf) {
    ResourceKind kind = ResourceKind.of(type);
    return new Informer<>(
        kind.kindName(),
        () -> {
          List<T> items = new ArrayList<>();
          for (var g : caches.all(kind)) {
            if (caches.selected(kind, g)) items.add(typed(kind, g, type));
          }
          return new Listing<>(items, caches.version(kind));
        },
        (from, sink) -> {
          // A late handler is first told of every cached object, as added: nothing is missed
          // between the list above and this subscription.
          ResourceEventHandler<GenericKubernetesResource> handler =
              new ResourceEventHandler<>() {
                @Override
                public void onAdd(GenericKubernetesResource g) {
                  send(WatchSignal.Type.ADDED, g);
                }

                @Override
                public void onUpdate(GenericKubernetesResource old, GenericKubernetesResource g) {
                  send(WatchSignal.Type.MODIFIED, g);
                }

                @Override
                public void onDelete(GenericKubernetesResource g, boolean finalStateUnknown) {
                  send(WatchSignal.Type.DELETED, g);
                }

                private void send(WatchSignal.Type t, GenericKubernetesResource g) {
                  if (!caches.selected(kind, g)) t = WatchSignal.Type.DELETED;
                  sink.accept(new WatchSignal.Event<>(t, informed(kind, g, type)));
                }
              };
          return caches.subscribe(kind, handler);
        },
        keyOf);
  }

  private <T extends Resource> T typed(
      ResourceKind kind, GenericKubernetesResource g, Class<T> type) {
    ObjectKey key = TypedCache.keyOf(kind, g);
    return typed.typed(key, g, type, caches.get(key).isPresent());
  }

  private <T extends Resource> T informed(
      ResourceKind kind, GenericKubernetesResource g, Class<T> type) {
    ObjectKey key = TypedCache.keyOf(kind, g);
    return typed.informed(key, g, type, caches.get(key).isPresent());
  }
}
