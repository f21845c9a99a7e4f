package dev.weft.engine.run;

import dev.weft.model.spec.Artifact;
import java.util.HashMap;
import java.util.Map;

/**
 * The variables a template sees: string values for {{...}} tags, and artifacts for {@code from}
 * references, which are resolved by reference rather than as text.
 */
public record Scope(Map<String, String> values, Map<String, Artifact> artifacts) {

  public static Scope empty() {
    return new Scope(Map.of(), Map.of());
  }

  public Scope with(String key, String value) {
    Map<String, String> v = new HashMap<>(values);
    v.put(key, value);
    return new Scope(v, artifacts);
  }

  public Scope withAll(Map<String, String> more) {
    Map<String, String> v = new HashMap<>(values);
    v.putAll(more);
    return new Scope(v, artifacts);
  }

  public Scope withArtifact(String key, Artifact artifact) {
    Map<String, Artifact> a = new HashMap<>(artifacts);
    a.put(key, artifact);
    return new Scope(values, a);
  }

  public Scope merge(Scope other) {
    Map<String, String> v = new HashMap<>(values);
    v.putAll(other.values);
    Map<String, Artifact> a = new HashMap<>(artifacts);
    a.putAll(other.artifacts);
    return new Scope(v, a);
  }

  public String get(String key) {
    return values.get(key);
  }
}
