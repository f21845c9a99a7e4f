package dev.weft.engine.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.weft.expr.ExprException;
import dev.weft.expr.TemplateText;
import dev.weft.model.codec.Codec;
import java.util.Iterator;
import java.util.Map;

/**
 * Replaces {@code {{...}}} tags in every string of a value, as Argo does on a template's JSON. Tags
 * it cannot resolve yet stay, for a later, narrower scope to fill in.
 */
public final class Substitution {
  private Substitution() {}

  public static <T> T apply(T value, Class<T> type, Map<String, String> vars) {
    if (value == null) return null;
    JsonNode tree = Codec.tree(value);
    return Codec.convert(render(tree, vars), type);
  }

  public static String text(String text, Map<String, String> vars) {
    if (text == null || !text.contains("{{")) return text;
    try {
      return TemplateText.render(text, vars, true);
    } catch (ExprException e) {
      throw new EngineError(e.getMessage());
    }
  }

  private static JsonNode render(JsonNode node, Map<String, String> vars) {
    if (node.isTextual()) {
      String t = node.asText();
      return t.contains("{{") ? TextNode.valueOf(text(t, vars)) : node;
    }
    if (node.isArray()) {
      ArrayNode out = ((ArrayNode) node).arrayNode();
      for (JsonNode child : node) out.add(render(child, vars));
      return out;
    }
    if (node.isObject()) {
      ObjectNode out = ((ObjectNode) node).objectNode();
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        var e = it.next();
        out.set(e.getKey(), render(e.getValue(), vars));
      }
      return out;
    }
    return node;
  }
}
