package dev.weft.engine.run;

import dev.weft.model.spec.Artifact;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * A scope that grows as steps and tasks finish: their outputs are added in place and readers get a
 * live read-only view. Merging into a fresh copy for every finished step made a walk over n steps
 * cost n² map copies. What earlier reconciles added can be given as a frozen layer, read through
 * rather than copied; {@link #frozenWithAdded} is that layer with this reconcile's additions.
 */
public final class GrowingScope {
  private final Map<String, String> values = new HashMap<>();
  private final Map<String, Artifact> artifacts = new HashMap<>();
  private final Scope frozen;
  private final Scope view;

  public GrowingScope(Scope base) {
    this(base, Scope.empty());
  }

  public GrowingScope(Scope base, Scope frozen) {
    this.frozen = frozen;
    this.view =
        new Scope(
            Collections.unmodifiableMap(new LayeredMap<>(values, frozen.values(), base.values())),
            Collections.unmodifiableMap(
                new LayeredMap<>(artifacts, frozen.artifacts(), base.artifacts())));
  }

  public void add(Scope more) {
    values.putAll(more.values());
    artifacts.putAll(more.artifacts());
  }

  /** The scope so far; it keeps growing with later {@link #add}s. */
  public Scope view() {
    return view;
  }

  /** The frozen layer with everything added since, as a new read-only layer. */
  public Scope frozenWithAdded() {
    if (values.isEmpty() && artifacts.isEmpty()) return frozen;
    return new Scope(
        stacked(frozen.values()).with(values), stacked(frozen.artifacts()).with(artifacts));
  }

  private static <V> StackedMap<V> stacked(Map<String, V> frozen) {
    if (frozen instanceof StackedMap<V> s) return s;
    return StackedMap.<V>empty().with(frozen);
  }
}
