package dev.weft.server;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.model.Resource;
import dev.weft.model.codec.Codec;
import dev.weft.model.codec.Decoded;
import dev.weft.model.codec.Diagnostic;
import dev.weft.model.codec.Located;
import dev.weft.model.codec.ResourceDecoder;
import java.io.IOException;
import java.util.stream.Collectors;

/**
 * Reads request bodies: the JSON envelope ({@code {"workflow": {...}}}) and the resource inside it,
 * decoded with the model's decoder so that every finding names the field and its line and column in
 * the body.
 */
public final class Bodies {
  /** The name findings give the request body, as a file name. */
  public static final String SOURCE = "body";

  private Bodies() {}

  /** The body as a JSON object; an empty body is an empty object. */
  public static JsonNode parse(String text) {
    if (text == null || text.isBlank()) return Codec.json().createObjectNode();
    try {
      JsonNode tree = Codec.json().readTree(text);
      if (!tree.isObject()) throw ApiException.invalid("the request body must be a JSON object");
      return tree;
    } catch (JsonProcessingException e) {
      String where =
          e.getLocation() == null
              ? SOURCE
              : SOURCE + ":" + e.getLocation().getLineNr() + ":" + e.getLocation().getColumnNr();
      throw ApiException.invalid(where + ": malformed JSON: " + e.getOriginalMessage());
    }
  }

  /**
   * Decodes the object under {@code field} as a {@code kind} resource; kind and apiVersion may be
   * left out. Decoding errors are a 400 listing each finding as {@code body:line:col: ...}.
   */
  public static <T extends Resource> Located<T> resource(
      String text, String field, Class<T> type, String kind) {
    JsonNode envelope = parse(text);
    JsonNode node = envelope.get(field);
    if (node == null || node.isNull()) throw ApiException.invalid(field + " body not specified");
    if (!node.isObject()) throw ApiException.invalid(field + ": expected a JSON object");
    String givenKind = node.path("kind").asText("");
    if (!givenKind.isEmpty() && !givenKind.equals(kind)) {
      throw ApiException.invalid(
          field + ".kind: expected " + kind + ", found \"" + givenKind + "\"");
    }
    String source = isolate(text, field, node, kind);
    Decoded decoded = ResourceDecoder.decode(source, SOURCE);
    if (decoded.hasErrors()) {
      throw ApiException.invalid(
          decoded.diagnostics().stream()
              .filter(Diagnostic::isError)
              .map(Diagnostic::format)
              .collect(Collectors.joining("\n")));
    }
    if (decoded.resources().size() != 1 || !type.isInstance(decoded.resources().get(0).value())) {
      throw ApiException.invalid(field + ": expected one " + kind);
    }
    Located<Resource> r = decoded.resources().get(0);
    return new Located<>(type.cast(r.value()), r.locations());
  }

  /**
   * The body's text with everything but the object under {@code field} blanked out (newlines kept),
   * so that lines and columns stay those of the body; kind and apiVersion are filled in if absent.
   */
  private static String isolate(String text, String field, JsonNode node, String kind) {
    int start;
    int end;
    try (JsonParser p = Codec.json().getFactory().createParser(text)) {
      p.nextToken();
      int[] range = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        p.nextToken();
        if (name.equals(field)) {
          int from = (int) p.currentTokenLocation().getCharOffset();
          p.skipChildren();
          range = new int[] {from, (int) p.currentTokenLocation().getCharOffset() + 1};
        } else {
          p.skipChildren();
        }
      }
      if (range == null) throw ApiException.invalid(field + " body not specified");
      start = range[0];
      end = range[1];
    } catch (IOException e) {
      throw ApiException.invalid("malformed JSON: " + e.getMessage());
    }
    StringBuilder out = new StringBuilder(end);
    for (int i = 0; i < start; i++) {
      char c = text.charAt(i);
      out.append(c == '\n' || c == '\r' ? c : ' ');
    }
    // JSON allows tabs only between tokens, where a space means the same; YAML is pickier.
    String object = text.substring(start, end).replace('\t', ' ');
    String fill = "";
    if (!node.has("apiVersion")) fill += "\"apiVersion\":\"argoproj.io/v1alpha1\",";
    if (!node.has("kind")) fill += "\"kind\":\"" + kind + "\",";
    if (!fill.isEmpty() && node.isEmpty()) fill = fill.substring(0, fill.length() - 1);
    out.append('{').append(fill).append(object.substring(1));
    return out.toString();
  }
}
