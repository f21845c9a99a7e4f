package dev.weft.cli.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.model.codec.Codec;
import java.util.ArrayList;
import java.util.List;

/** Reading what the server sends: JSON text, and the model's records from its trees. */
public final class Json {
  private Json() {}

  public static JsonNode parse(String text, String what) {
    try {
      return Codec.json().readTree(text);
    } catch (JsonProcessingException e) {
      throw ClientException.server(0, what + " is not JSON: " + e.getOriginalMessage());
    }
  }

  /**
   * The tree as a model record. Unknown fields are skipped: a newer server (or Argo itself) may
   * send fields this client does not know, and showing the rest beats refusing.
   */
  public static <T> T read(JsonNode node, Class<T> type) {
    try {
      return Codec.json()
          .readerFor(type)
          .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .readValue(node);
    } catch (java.io.IOException e) {
      throw ClientException.server(
          0, "the server sent a " + type.getSimpleName() + " this client cannot read: " + e);
    }
  }

  /** The {@code items} of a list answer, each as a record. */
  public static <T> List<T> items(JsonNode list, Class<T> type) {
    List<T> out = new ArrayList<>();
    for (JsonNode item : list.path("items")) out.add(read(item, type));
    return out;
  }
}
