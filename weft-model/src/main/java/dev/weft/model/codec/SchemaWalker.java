package dev.weft.model.codec;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the fields a document has but the schema (the model's records) does not, walking the
 * document and the record types side by side so each finding has its exact location.
 */
final class SchemaWalker {
  private final LocationIndex locations;
  private final List<Diagnostic> found = new ArrayList<>();

  private SchemaWalker(LocationIndex locations) {
    this.locations = locations;
  }

  static List<Diagnostic> unknownFields(JsonNode document, Class<?> type, LocationIndex at) {
    SchemaWalker walker = new SchemaWalker(at);
    walker.walk(document, type, "");
    return walker.found;
  }

  private void walk(JsonNode node, Type type, String pointer) {
    if (type instanceof ParameterizedType p) {
      Class<?> raw = (Class<?>) p.getRawType();
      Type[] args = p.getActualTypeArguments();
      if (List.class.isAssignableFrom(raw) && node.isArray()) {
        for (int i = 0; i < node.size(); i++) {
          walk(node.get(i), args[0], LocationIndex.child(pointer, i));
        }
      } else if (Map.class.isAssignableFrom(raw) && node.isObject()) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
          var e = it.next();
          walk(e.getValue(), args[1], LocationIndex.child(pointer, e.getKey()));
        }
      }
      return;
    }
    if (type instanceof Class<?> c && c.isRecord() && node.isObject()) {
      Map<String, RecordComponent> fields = fieldsOf(c);
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        var e = it.next();
        String child = LocationIndex.child(pointer, e.getKey());
        RecordComponent component = fields.get(e.getKey());
        if (component == null) {
          report(child, e.getKey(), fields.keySet());
        } else {
          walk(e.getValue(), component.getGenericType(), child);
        }
      }
    }
  }

  private void report(String pointer, String name, Iterable<String> known) {
    String message = "unknown field \"" + name + "\"";
    String suggestion = closest(name, known);
    if (suggestion != null) message += " (did you mean \"" + suggestion + "\"?)";
    found.add(
        Diagnostic.warning(locations.locate(pointer), LocationIndex.fieldPath(pointer), message));
  }

  private static Map<String, RecordComponent> fieldsOf(Class<?> record) {
    Map<String, RecordComponent> out = new LinkedHashMap<>();
    for (RecordComponent rc : record.getRecordComponents()) {
      JsonProperty renamed = rc.getAccessor().getAnnotation(JsonProperty.class);
      out.put(renamed != null ? renamed.value() : rc.getName(), rc);
    }
    return out;
  }

  private static String closest(String name, Iterable<String> known) {
    String best = null;
    int bestDistance = Math.max(2, name.length() / 3) + 1;
    for (String k : known) {
      int d = distance(name.toLowerCase(), k.toLowerCase());
      if (d < bestDistance) {
        bestDistance = d;
        best = k;
      }
    }
    return best;
  }

  /** Levenshtein distance, for "did you mean". */
  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) prev[j] = j;
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
