package dev.weft.store;

import dev.weft.model.Resource;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The last decoded form of recently used workflows of a {@link JdbcStore}, by key and
 * resourceVersion: a reader that finds the stored version unchanged gets the object without reading
 * or decoding its body and nodes. Filled by the store's own writes and by its decodes; another
 * process's write changes the version, so a stale entry is never returned. The objects are shared
 * between readers, like an informer's.
 */
final class TypedCache {
  private final int capacity;
  private final Map<ObjectKey, Resource> entries;

  TypedCache(int capacity) {
    this.capacity = capacity;
    this.entries = new LinkedHashMap<>(16, 0.75f, true);
  }

  /** The cached object of {@code key} if it is at {@code resourceVersion}. */
  synchronized Resource get(ObjectKey key, long resourceVersion) {
    Resource r = entries.get(key);
    return r != null && Long.toString(resourceVersion).equals(r.metadata().resourceVersion())
        ? r
        : null;
  }

  synchronized void put(ObjectKey key, Resource object) {
    if (!WorkflowRows.splits(key.kind())) {
      return;
    }
    Resource had = entries.get(key);
    if (had != null && newer(had, object)) {
      return;
    }
    entries.put(key, object);
    if (entries.size() > capacity) {
      var eldest = entries.keySet().iterator();
      eldest.next();
      eldest.remove();
    }
  }

  synchronized void remove(ObjectKey key) {
    entries.remove(key);
  }

  private static boolean newer(Resource had, Resource object) {
    try {
      return Long.parseLong(had.metadata().resourceVersion())
          > Long.parseLong(object.metadata().resourceVersion());
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
