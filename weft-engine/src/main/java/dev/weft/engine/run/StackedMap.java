package dev.weft.engine.run;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An immutable map made of layers, the newest winning (a key may map to null). {@link #with} adds a
 * layer without copying the others, except that a layer at least half as large as the one below is
 * merged into it: each entry is copied a logarithmic number of times over a run, and a lookup looks
 * through a logarithmic number of layers. What one reconcile finished is added on top of what the
 * earlier ones did, without copying the outputs of every finished task each time.
 */
public final class StackedMap<V> extends AbstractMap<String, V> {
  private static final StackedMap<Object> EMPTY = new StackedMap<>(List.of());
  private final List<Map<String, V>> layers; // oldest first

  private StackedMap(List<Map<String, V>> layers) {
    this.layers = layers;
  }

  @SuppressWarnings("unchecked")
  public static <V> StackedMap<V> empty() {
    return (StackedMap<V>) EMPTY;
  }

  /** This map with {@code top} over it; {@code top} is copied, so the caller may reuse it. */
  public StackedMap<V> with(Map<String, V> top) {
    if (top.isEmpty()) return this;
    List<Map<String, V>> out = new ArrayList<>(layers);
    Map<String, V> layer = new HashMap<>(top);
    while (!out.isEmpty() && out.get(out.size() - 1).size() <= 2 * layer.size()) {
      Map<String, V> merged = new HashMap<>(out.remove(out.size() - 1));
      merged.putAll(layer);
      layer = merged;
    }
    out.add(Collections.unmodifiableMap(layer));
    return new StackedMap<>(List.copyOf(out));
  }

  @Override
  public V get(Object key) {
    for (int i = layers.size() - 1; i >= 0; i--) {
      Map<String, V> m = layers.get(i);
      V v = m.get(key);
      if (v != null || m.containsKey(key)) return v;
    }
    return null;
  }

  @Override
  public boolean containsKey(Object key) {
    for (int i = layers.size() - 1; i >= 0; i--) if (layers.get(i).containsKey(key)) return true;
    return false;
  }

  @Override
  public boolean isEmpty() {
    return layers.isEmpty();
  }

  /** A view that merges the layers each time it is read: for the rare reader of every entry. */
  @Override
  public Set<Entry<String, V>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Entry<String, V>> iterator() {
        return merged().entrySet().iterator();
      }

      @Override
      public int size() {
        return merged().size();
      }
    };
  }

  private Map<String, V> merged() {
    Map<String, V> all = new HashMap<>();
    layers.forEach(all::putAll);
    return Collections.unmodifiableMap(all);
  }
}
