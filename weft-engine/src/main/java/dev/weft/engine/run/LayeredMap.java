package dev.weft.engine.run;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * A read-only map over three maps, the first that has a key winning (a key may map to null). The
 * scope of a steps or DAG node is its inputs, the outputs frozen by earlier reconciles and those of
 * this one: looking through them costs no copy of the outputs of every finished step.
 */
final class LayeredMap<V> extends AbstractMap<String, V> {
  private final Map<String, V> top;
  private final Map<String, V> middle;
  private final Map<String, V> bottom;

  LayeredMap(Map<String, V> top, Map<String, V> middle, Map<String, V> bottom) {
    this.top = top;
    this.middle = middle;
    this.bottom = bottom;
  }

  @Override
  public V get(Object key) {
    V v = top.get(key);
    if (v != null || top.containsKey(key)) return v;
    v = middle.get(key);
    if (v != null || middle.containsKey(key)) return v;
    return bottom.get(key);
  }

  @Override
  public boolean containsKey(Object key) {
    return top.containsKey(key) || middle.containsKey(key) || bottom.containsKey(key);
  }

  @Override
  public boolean isEmpty() {
    return top.isEmpty() && middle.isEmpty() && bottom.isEmpty();
  }

  /**
   * A live view that copies the layers into one map each time it is read: for the rare reader that
   * lists every entry (views are cached by wrappers, so a copy taken once would go stale).
   */
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
    Map<String, V> all = new HashMap<>(bottom);
    all.putAll(middle);
    all.putAll(top);
    return Collections.unmodifiableMap(all);
  }
}
