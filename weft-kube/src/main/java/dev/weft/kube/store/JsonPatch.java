package dev.weft.kube.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * JSON Patch (RFC 6902) operations that turn one tree into another: members added, replaced and
 * removed, nested objects descended into, arrays replaced whole. Weft writes objects this way
 * rather than as merge patches because servers disagree on a merge patch's lists (fabric8's mock
 * appends to them; RFC 7386 replaces them); these operations mean one thing everywhere.
 */
public final class JsonPatch {
  private JsonPatch() {}

  public static ArrayNode diff(ObjectNode base, ObjectNode target) {
    ArrayNode ops = JsonNodeFactory.instance.arrayNode();
    diff("", base, target, ops);
    return ops;
  }

  private static void diff(String path, ObjectNode base, ObjectNode target, ArrayNode ops) {
    for (Iterator<String> it = base.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!target.has(name))
        ops.addObject().put("op", "remove").put("path", path + "/" + escape(name));
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = target.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String at = path + "/" + escape(e.getKey());
      JsonNode old = base.get(e.getKey());
      JsonNode now = e.getValue();
      if (old == null) {
        ops.addObject().put("op", "add").put("path", at).set("value", now);
      } else if (old.isObject() && now.isObject()) {
        diff(at, (ObjectNode) old, (ObjectNode) now, ops);
      } else if (!old.equals(now)) {
        ops.addObject().put("op", "replace").put("path", at).set("value", now);
      }
    }
  }

  /** A member name as a JSON Pointer token. */
  static String escape(String name) {
    return name.replace("~", "~0").replace("/", "~1");
  }
}
