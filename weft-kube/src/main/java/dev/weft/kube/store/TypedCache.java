package dev.weft.kube.store;

import dev.weft.model.Resource;
import dev.weft.store.ObjectKey;
import dev.weft.store.ResourceKind;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Weft's typed copy of each cached object at its latest known resourceVersion, shared by the store
 * and the informers: a (key, resourceVersion) already decoded, or written by this process, is not
 * decoded again. A workflow's decode is O(nodes), and without this every reconcile paid it twice
 * (the informer's event and the store's get) for a change it made itself. The copies are shared, so
 * they must never be mutated (the records' maps are either decoded fresh or made unmodifiable by
 * {@link dev.weft.model.status.StatusPatch#applyTo}).
 */
public final class TypedCache {
  /** How long an informer waits for this process's write in flight before decoding its event. */
  private static final long OWN_WRITE_WAIT_MILLIS = 1_000;

  private final Map<ObjectKey, Resource> latest = new ConcurrentHashMap<>();
  private final Map<ObjectKey, CompletableFuture<Void>> inFlight = new ConcurrentHashMap<>();

  /**
   * {@code g} as Weft's type: the cached copy if it has {@code g}'s resourceVersion, else decoded
   * and, if {@code remember}, kept (only objects the informer caches are kept, so an eviction on
   * their delete bounds the memory).
   */
  <T extends Resource> T typed(
      ObjectKey key, GenericKubernetesResource g, Class<T> type, boolean remember) {
    String rv = Versions.of(g);
    Resource known = latest.get(key);
    if (known != null && type.isInstance(known) && rv != null && rv.equals(version(known))) {
      return type.cast(known);
    }
    T decoded = KubeStore.decode(KubeStore.raw(g), type);
    if (remember) put(key, decoded);
    return decoded;
  }

  /**
   * As {@link #typed}, for an informer's event: if this process is writing the object, waits (a
   * moment) for the write's answer first, since the API server may tell the watch of the change
   * before it answers the write, and the written copy is then the event's.
   */
  <T extends Resource> T informed(
      ObjectKey key, GenericKubernetesResource g, Class<T> type, boolean remember) {
    Resource known = latest.get(key);
    CompletableFuture<Void> writing = inFlight.get(key);
    if (writing != null && (known == null || !Objects.equals(version(known), Versions.of(g)))) {
      try {
        writing.get(OWN_WRITE_WAIT_MILLIS, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (ExecutionException | TimeoutException e) {
        // not answered in time: the event is decoded as any other
      }
    }
    return typed(key, g, type, remember);
  }

  /** A write in flight, until closed (answered or failed). */
  interface OwnWrite extends AutoCloseable {
    @Override
    void close();
  }

  /** Marks a write of {@code key} as in flight until the returned handle is closed. */
  OwnWrite writing(ObjectKey key) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    inFlight.put(key, done);
    return () -> {
      inFlight.remove(key, done);
      done.complete(null);
    };
  }

  /** Keeps {@code obj} unless a copy newer than it is kept already. */
  void put(ObjectKey key, Resource obj) {
    latest.merge(key, obj, (old, now) -> Versions.newer(version(old), version(now)) ? old : now);
  }

  void evict(ObjectKey key) {
    latest.remove(key);
  }

  static ObjectKey keyOf(ResourceKind kind, GenericKubernetesResource g) {
    return ObjectKey.of(
        kind, g.getMetadata().getNamespace(), Objects.requireNonNull(g.getMetadata().getName()));
  }

  private static String version(Resource r) {
    return r.metadata() == null ? null : r.metadata().resourceVersion();
  }
}
