package dev.weft.provenance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The one canonical JSON form Weft hashes objects in, so the signer (a template's digest at use, in
 * {@code resolvedDependencies}) and {@code weft verify --templates} (the template as the server
 * returns it now) compute the same digest: object keys sorted by UTF-16 code unit (as RFC 8785
 * sorts them), no whitespace, strings and numbers as Jackson writes them, and from {@code metadata}
 * the fields the store changes without a change to the object: {@link #VOLATILE_METADATA}.
 */
public final class CanonicalJson {
  /** Left out of {@code metadata} before hashing: the store sets them, not the author. */
  public static final List<String> VOLATILE_METADATA =
      List.of("resourceVersion", "managedFields", "creationTimestamp", "uid", "generation");

  private static final ObjectMapper JSON = new ObjectMapper();

  private CanonicalJson() {}

  /** The object's canonical bytes, without {@link #VOLATILE_METADATA}. */
  public static byte[] bytes(JsonNode object) {
    JsonNode trimmed = object == null ? JSON.nullNode() : object.deepCopy();
    if (trimmed.get("metadata") instanceof ObjectNode meta) meta.remove(VOLATILE_METADATA);
    try {
      return JSON.writeValueAsBytes(sorted(trimmed));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serializes", e);
    }
  }

  /** Hex sha256 of {@link #bytes}: the digest an object is attested with. */
  public static String sha256(JsonNode object) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes(object)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A copy of {@code node} with every object's keys sorted (a null node for null). */
  public static JsonNode sorted(JsonNode node) {
    if (node == null) return JSON.nullNode();
    if (node instanceof ObjectNode object) {
      List<String> names = new ArrayList<>();
      object.fieldNames().forEachRemaining(names::add);
      names.sort(null); // String order is UTF-16 code unit order
      ObjectNode out = JSON.createObjectNode();
      for (String name : names) out.set(name, sorted(object.get(name)));
      return out;
    }
    if (node instanceof ArrayNode array) {
      ArrayNode out = JSON.createArrayNode();
      array.forEach(item -> out.add(sorted(item)));
      return out;
    }
    return node;
  }
}
