package dev.weft.engine.exec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.weft.engine.template.EngineError;
import dev.weft.engine.template.Substitution;
import dev.weft.model.codec.Codec;
import dev.weft.model.spec.Invocation;
import dev.weft.model.spec.Sequence;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Expands withItems, withParam and withSequence into the items a step or task runs for. */
final class Loops {
  private Loops() {}

  /** One iteration: its index, value and the {@code item} variables it defines. */
  record Item(int index, JsonNode value, Map<String, String> variables) {
    String nodeName(String base) {
      return base + "(" + index + ":" + label(value) + ")";
    }
  }

  static List<Item> expand(Invocation inv, Map<String, String> vars, int max) {
    List<JsonNode> values = new ArrayList<>();
    if (inv.withItems() != null) {
      checkSize(inv.withItems().size(), max);
      for (JsonNode v : inv.withItems()) {
        values.add(Codec.tree(Substitution.apply(v, JsonNode.class, vars)));
      }
    } else if (inv.withParam() != null) {
      values.addAll(param(Substitution.text(inv.withParam(), vars), max));
    } else if (inv.withSequence() != null) {
      values.addAll(sequence(Substitution.apply(inv.withSequence(), Sequence.class, vars), max));
    }
    List<Item> items = new ArrayList<>();
    for (int i = 0; i < values.size(); i++)
      items.add(new Item(i, values.get(i), variables(values.get(i))));
    return items;
  }

  /** Refuses a loop of more than {@code max} items before any of them is made. */
  private static void checkSize(double size, int max) {
    if (size > max) {
      throw new EngineError(
          "loop expands to "
              + String.format("%.0f", size)
              + " items, more than the limit of "
              + max
              + " items per loop; split the loop or raise the limit");
    }
  }

  private static List<JsonNode> param(String text, int max) {
    JsonNode parsed;
    try {
      parsed = Codec.json().readTree(text);
    } catch (JsonProcessingException e) {
      parsed = null;
    }
    if (parsed == null || !parsed.isArray()) {
      throw new EngineError("withParam value could not be parsed as a JSON list: " + text.strip());
    }
    checkSize(parsed.size(), max);
    List<JsonNode> out = new ArrayList<>();
    parsed.forEach(out::add);
    return out;
  }

  private static List<JsonNode> sequence(Sequence s, int max) {
    if (s.count() != null && s.end() != null) {
      throw new EngineError("withSequence: only one of count or end can be defined");
    }
    long start = number(s.start(), "start", 0);
    List<Long> numbers = new ArrayList<>();
    if (s.count() != null) {
      long count = number(s.count(), "count", 0);
      checkSize(count, max);
      for (long i = 0; i < count; i++) numbers.add(start + i);
    } else if (s.end() != null) {
      long end = number(s.end(), "end", 0);
      checkSize(Math.abs((double) end - start) + 1, max); // as a double: the span may overflow
      if (start <= end) {
        for (long i = start; i <= end; i++) numbers.add(i);
      } else {
        for (long i = start; i >= end; i--) numbers.add(i);
      }
    } else {
      throw new EngineError("withSequence: one of count or end must be defined");
    }
    List<JsonNode> out = new ArrayList<>();
    for (long n : numbers) {
      String text =
          s.format() == null || s.format().isEmpty()
              ? Long.toString(n)
              : String.format(s.format(), n);
      out.add(JsonNodeFactory.instance.textNode(text));
    }
    return out;
  }

  private static long number(String text, String field, long fallback) {
    if (text == null || text.isBlank()) return fallback;
    try {
      return Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      throw new EngineError("withSequence." + field + " is not a number: \"" + text + "\"");
    }
  }

  static Map<String, String> variables(JsonNode value) {
    Map<String, String> vars = new HashMap<>();
    vars.put("item", text(value));
    if (value.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
        var e = it.next();
        vars.put("item." + e.getKey(), text(e.getValue()));
      }
    }
    return vars;
  }

  /** A value as a tag sees it: strings bare, everything else as JSON. */
  static String text(JsonNode v) {
    return v.isTextual() ? v.asText() : v.toString();
  }

  /** How Argo writes an item into a node name. */
  static String label(JsonNode v) {
    if (v.isObject()) {
      TreeMap<String, String> sorted = new TreeMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
        var e = it.next();
        sorted.put(e.getKey(), text(e.getValue()));
      }
      List<String> parts = new ArrayList<>();
      sorted.forEach((k, x) -> parts.add(k + ":" + x));
      return String.join(",", parts);
    }
    return text(v);
  }
}
