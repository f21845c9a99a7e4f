package dev.weft.engine.run;

import dev.weft.model.spec.Artifact;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * A scope that grows as steps and tasks finish: their outputs are added in place and readers get a
 * live read-only view. Merging into a fresh copy for every finished step made a walk over n steps
 * cost n² map copies.
 */
public final class GrowingScope {
  private final Map<String, String> values;
  private final Map<String, Artifact> artifacts;
  private final Scope view;

  public GrowingScope(Scope base) {
    this.values = new HashMap<>(base.values());
    this.artifacts = new HashMap<>(base.artifacts());
    this.view =
        new Scope(Collections.unmodifiableMap(values), Collections.unmodifiableMap(artifacts));
  }

  public void add(Scope more) {
    values.putAll(more.values());
    artifacts.putAll(more.artifacts());
  }

  /** The scope so far; it keeps growing with later {@link #add}s. */
  public Scope view() {
    return view;
  }
}
