package dev.weft.kube.store;

import dev.weft.model.codec.Codec;
import dev.weft.model.status.NodeStatus;
import dev.weft.store.ObjectKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What this process knows of each workflow's encoded size as it last wrote it, so the size guard of
 * a status patch costs the change, not a serialization of the whole workflow: the total, and the
 * byte size of each node as last written (measured when first needed). Knowledge holds for one
 * resourceVersion only: any other write (another process's, or this store's full path) makes it
 * unknown, and the next patch measures the workflow once again.
 */
final class WorkflowSizes {
  private record Known(String resourceVersion, long bytes, Map<String, Integer> nodes) {}

  private final Map<ObjectKey, Known> known = new ConcurrentHashMap<>();

  /** The workflow's encoded size at {@code resourceVersion}, if known. */
  OptionalLong bytes(ObjectKey key, String resourceVersion) {
    Known k = known.get(key);
    return k != null && k.resourceVersion().equals(resourceVersion)
        ? OptionalLong.of(k.bytes())
        : OptionalLong.empty();
  }

  /**
   * The encoded size of {@code node}, the node {@code id} of the workflow at the version whose size
   * is known: as remembered, or measured now and remembered.
   */
  int nodeBytes(ObjectKey key, String id, NodeStatus node) {
    Known k = known.get(key);
    if (k == null) return measure(node);
    return k.nodes().computeIfAbsent(id, i -> measure(node));
  }

  /** The size measured whole at {@code resourceVersion}; no node sizes known yet. */
  void measured(ObjectKey key, String resourceVersion, long bytes) {
    known.put(key, new Known(resourceVersion, bytes, new ConcurrentHashMap<>()));
  }

  /**
   * A patch based on {@code base} was stored as {@code resourceVersion}: the new size and the sizes
   * of the nodes it wrote. Ignored unless the size at {@code base} was the one known.
   */
  void wrote(
      ObjectKey key,
      String base,
      String resourceVersion,
      long bytes,
      Map<String, Integer> written,
      Collection<String> removed) {
    known.computeIfPresent(
        key,
        (k, was) -> {
          if (!was.resourceVersion().equals(base) || resourceVersion == null) return null;
          was.nodes().keySet().removeAll(removed);
          was.nodes().putAll(written);
          return new Known(resourceVersion, bytes, was.nodes());
        });
  }

  void forget(ObjectKey key) {
    known.remove(key);
  }

  /** The length of Weft's JSON encoding of {@code value}, as the size guard measures it. */
  static int measure(Object value) {
    try {
      return Codec.json().writeValueAsBytes(value).length;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
