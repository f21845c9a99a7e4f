package dev.weft.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Argo's {@code fields} query parameter: a comma list of dotted paths to keep ({@code
 * metadata,items.metadata.name}) or, after a leading {@code -}, to drop. Lists are transparent (the
 * path of an item is its list's path), a kept path keeps everything under it, and, as Argo's
 * cleaner does, a key is walked into when any given path starts with the key's path as a string.
 */
public record FieldsMask(Set<String> paths, boolean exclude) {
  private static final FieldsMask NONE = new FieldsMask(Set.of(), false);

  /** The mask the parameter asks for; null or empty masks nothing. */
  public static FieldsMask parse(String text) {
    if (text == null || text.isEmpty()) return NONE;
    boolean exclude = text.startsWith("-");
    Set<String> paths =
        new LinkedHashSet<>(List.of((exclude ? text.substring(1) : text).split(",")));
    return new FieldsMask(Set.copyOf(paths), exclude);
  }

  public boolean isEmpty() {
    return paths.isEmpty();
  }

  /** The same mask for paths given relative to {@code prefix} (the watch's "result.object."). */
  public FieldsMask withoutPrefix(String prefix) {
    Set<String> out = new LinkedHashSet<>();
    for (String p : paths) out.add(p.startsWith(prefix) ? p.substring(prefix.length()) : p);
    return new FieldsMask(Set.copyOf(out), exclude);
  }

  /** Trims {@code tree} in place and returns it; objects only, anything else is left alone. */
  public JsonNode apply(JsonNode tree) {
    if (!isEmpty()) clean(new ArrayList<>(), tree);
    return tree;
  }

  private void clean(List<String> path, JsonNode node) {
    if (node instanceof ObjectNode object) {
      Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        path.add(field.getKey());
        String fieldPath = String.join(".", path);
        boolean named = paths.contains(fieldPath);
        boolean onTheWay = named || paths.stream().anyMatch(p -> p.startsWith(fieldPath));
        if (exclude ? !named : onTheWay) {
          if (!named) clean(path, field.getValue());
        } else {
          fields.remove();
        }
        path.remove(path.size() - 1);
      }
    } else if (node != null && node.isArray()) {
      for (JsonNode item : node) clean(path, item);
    }
  }
}
