package dev.weft.expr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Builds the expression environment from Argo's flat replacement map, as util/expand/expand.go
 * does: dotted keys become nested maps ({@code steps.a.outputs.result} is reachable as {@code
 * steps.a.outputs.result} in expressions), a key that is also the parent of other keys is dropped
 * in favour of the nested map ({@code {"a": x, "a.b": y}} gives {@code a = {b: y}}), flat dotted
 * keys are not kept, and values stay strings (JSON is not parsed).
 */
public final class Env {
  private Env() {}

  /** The nested environment for {@code flat}; null values (absent optionals) stay null. */
  public static Map<String, Object> expand(Map<String, String> flat) {
    TreeSet<String> keys = new TreeSet<>(flat.keySet());
    List<String> kept = new ArrayList<>();
    for (String k : keys) {
      String child = keys.ceiling(k + ".");
      boolean isParent = child != null && child.startsWith(k + ".");
      if (!isParent) {
        kept.add(k);
      }
    }
    Map<String, Object> root = new LinkedHashMap<>();
    for (String k : kept) {
      insert(root, k, flat.get(k));
    }
    return root;
  }

  private static void insert(Map<String, Object> root, String key, String value) {
    String[] parts = key.split("\\.", -1);
    Map<String, Object> cur = root;
    for (int i = 0; i < parts.length - 1; i++) {
      Object next = cur.get(parts[i]);
      if (!(next instanceof Map)) {
        if (cur.containsKey(parts[i])) {
          return; // a leaf already holds this prefix (cannot happen after conflict removal)
        }
        next = new LinkedHashMap<String, Object>();
        cur.put(parts[i], next);
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> m = (Map<String, Object>) next;
      cur = m;
    }
    cur.putIfAbsent(parts[parts.length - 1], value);
  }

  /** The environment with Argo's functions ({@code asInt}, {@code sprig}, ...) visible too. */
  static boolean has(Map<String, Object> env, String path) {
    String[] parts = path.split("\\.", -1);
    if (ArgoFunctions.has(parts[0])) {
      return parts.length == 1
          || (parts[0].equals("sprig") && parts.length == 2 && SprigFunctions.has(parts[1]));
    }
    if (env.containsKey(path)) {
      return true;
    }
    Object cur = env;
    for (String part : parts) {
      if (!(cur instanceof Map<?, ?> m) || !m.containsKey(part)) {
        return false;
      }
      cur = m.get(part);
    }
    return true;
  }

  /** Whether any string anywhere in {@code env} is an Argo internal placeholder. */
  static boolean hasPlaceholder(Object v) {
    return switch (v) {
      case String s -> s.startsWith("__argo__internal__placeholder-");
      case Map<?, ?> m -> m.values().stream().anyMatch(Env::hasPlaceholder);
      case null, default -> false;
    };
  }
}
