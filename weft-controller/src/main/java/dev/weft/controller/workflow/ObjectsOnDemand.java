package dev.weft.controller.workflow;

import dev.weft.model.Resource;
import dev.weft.store.Store;
import java.util.AbstractMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A namespace's objects of one kind (Secrets, ConfigMaps), each read when first asked for and kept
 * for one reconcile. They are never listed: on a cluster that would need the right to list every
 * Secret of the namespace (the controller may only get them), would read them all on every
 * reconcile, and would miss ConfigMaps outside the controller's cache (a semaphore's, unlabelled).
 */
final class ObjectsOnDemand<T extends Resource> extends AbstractMap<String, T> {
  private final Store store;
  private final Class<T> kind;
  private final String namespace;
  private final Map<String, Optional<T>> read = new ConcurrentHashMap<>();

  ObjectsOnDemand(Store store, Class<T> kind, String namespace) {
    this.store = store;
    this.kind = kind;
    this.namespace = namespace;
  }

  @Override
  public T get(Object name) {
    if (!(name instanceof String n)) return null;
    return read.computeIfAbsent(n, k -> store.get(kind, namespace, k)).orElse(null);
  }

  @Override
  public boolean containsKey(Object name) {
    return get(name) != null;
  }

  /** Only the objects asked for so far: the whole namespace is never read. */
  @Override
  public Set<Entry<String, T>> entrySet() {
    Map<String, T> found = new java.util.LinkedHashMap<>();
    read.forEach((k, v) -> v.ifPresent(o -> found.put(k, o)));
    return found.entrySet();
  }
}
