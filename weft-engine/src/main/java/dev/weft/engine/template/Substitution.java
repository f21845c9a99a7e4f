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
    JsonNode rendered = render(tree, vars);
    return rendered == tree ? value : Codec.convert(rendered, type);
  }

  /** Renders every string of a tree; the same instance comes back when nothing had a tag. */
  public static JsonNode renderTree(JsonNode tree, Map<String, String> vars) {
    return render(tree, vars);
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
      ArrayNode out = null;
      for (int i = 0; i < node.size(); i++) {
        JsonNode child = node.get(i);
        JsonNode r = render(child, vars);
        if (r != child && out == null) {
          out = ((ArrayNode) node).arrayNode();
          for (int j = 0; j < i; j++) out.add(node.get(j));
        }
        if (out != null) out.add(r);
      }
      return out == null ? node : out;
    }
    if (node.isObject()) {
      ObjectNode out = null;
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        var e = it.next();
        JsonNode r = render(e.getValue(), vars);
        if (r != e.getValue()) {
          if (out == null) out = ((ObjectNode) node).deepCopy();
          out.set(e.getKey(), r);
        }
      }
      return out == null ? node : out;
    }
    return node;
  }
}
