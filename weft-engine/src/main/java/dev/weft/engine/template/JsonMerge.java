package dev.weft.engine.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/** Deep merge of JSON objects: the overlay wins; lists and scalars are replaced whole. */
public final class JsonMerge {
  private JsonMerge() {}

  public static JsonNode merge(JsonNode base, JsonNode overlay) {
    if (base == null || base.isNull() || base.isMissingNode()) return overlay;
    if (overlay == null || overlay.isNull() || overlay.isMissingNode()) return base;
    if (!base.isObject() || !overlay.isObject()) return overlay;
    ObjectNode out = ((ObjectNode) base).deepCopy();
    for (Iterator<Map.Entry<String, JsonNode>> it = overlay.fields(); it.hasNext(); ) {
      var e = it.next();
      out.set(e.getKey(), merge(out.get(e.getKey()), e.getValue()));
    }
    return out;
  }
}
