package dev.weft.provenance.statement;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * JSON whose bytes depend only on its content: object keys sorted by their UTF-16 code units (as
 * RFC 8785 orders them), no whitespace, arrays kept in their order. What Weft hashes (specs,
 * templates, ConfigMap data) is written this way, so that a digest can be recomputed by anyone from
 * the same object however its fields were ordered when it was stored.
 */
public final class CanonicalJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private CanonicalJson() {}

  /** A copy of {@code node} with every object's keys sorted. */
  public static JsonNode sorted(JsonNode node) {
    if (node == null) return JsonNodeFactory.instance.nullNode();
    if (node.isObject()) {
      List<String> names = new ArrayList<>();
      for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) names.add(it.next());
      names.sort(null);
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      for (String name : names) out.set(name, sorted(node.get(name)));
      return out;
    }
    if (node.isArray()) {
      ArrayNode out = JsonNodeFactory.instance.arrayNode();
      for (JsonNode item : node) out.add(sorted(item));
      return out;
    }
    return node;
  }

  /** The canonical bytes (UTF-8) of {@code node}. */
  public static byte[] bytes(JsonNode node) {
    try {
      return JSON.writeValueAsBytes(sorted(node));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Hex sha256 of the canonical bytes of {@code node}. */
  public static String sha256(JsonNode node) {
    return Sha256.hex(bytes(node));
  }
}
