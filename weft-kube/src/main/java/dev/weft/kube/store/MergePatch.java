package dev.weft.kube.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * JSON merge patches (RFC 7386) computed as the difference of two trees. Weft writes every object
 * as such a patch against what it decoded, so fields Weft does not model are never touched: a PUT
 * of a decoded object would drop them.
 */
public final class MergePatch {
  private MergePatch() {}

  /**
   * The patch that turns {@code base} into {@code target}: changed and added members, removed ones
   * as null; nested objects recursively; arrays and scalars whole.
   */
  public static ObjectNode diff(ObjectNode base, ObjectNode target) {
    ObjectNode patch = JsonNodeFactory.instance.objectNode();
    for (Iterator<Map.Entry<String, JsonNode>> it = target.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode old = base.get(e.getKey());
      JsonNode now = e.getValue();
      if (now.isNull()) {
        if (old != null && !old.isNull()) patch.putNull(e.getKey());
      } else if (old != null && old.isObject() && now.isObject()) {
        ObjectNode inner = diff((ObjectNode) old, (ObjectNode) now);
        if (!inner.isEmpty()) patch.set(e.getKey(), inner);
      } else if (!now.equals(old)) {
        patch.set(e.getKey(), now);
      }
    }
    for (Iterator<String> it = base.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!target.has(name) && !base.get(name).isNull()) patch.putNull(name);
    }
    return patch;
  }

  /** {@code patch} applied to a copy of {@code base}, as the API server applies it. */
  public static ObjectNode apply(ObjectNode base, ObjectNode patch) {
    ObjectNode out = base.deepCopy();
    for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode value = e.getValue();
      if (value.isNull()) {
        out.remove(e.getKey());
      } else if (value.isObject()) {
        JsonNode old = out.get(e.getKey());
        ObjectNode inner =
            old != null && old.isObject()
                ? (ObjectNode) old
                : JsonNodeFactory.instance.objectNode();
        out.set(e.getKey(), apply(inner, (ObjectNode) value));
      } else {
        out.set(e.getKey(), value);
      }
    }
    return out;
  }
}
