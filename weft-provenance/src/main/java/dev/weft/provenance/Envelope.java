package dev.weft.provenance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A DSSE envelope: {@code {"payloadType", "payload" (base64), "signatures": [{"keyid", "sig"}]}}.
 * The payload is kept as the exact bytes that were signed.
 */
public record Envelope(String payloadType, byte[] payload, List<Sig> signatures) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * More than any envelope Weft writes (a statement of thousands of subjects is a few MiB): a
   * reader refuses a larger one rather than read it whole.
   */
  public static final int MAX_BYTES = 16 << 20;

  public Envelope {
    signatures = List.copyOf(signatures);
  }

  /** One signature; {@code keyid} is an unauthenticated hint naming the key. */
  public record Sig(String keyid, byte[] sig) {}

  /** The envelope as JSON bytes, standard base64 with padding. */
  public byte[] toJson() {
    ObjectNode root = JSON.createObjectNode();
    root.put("payloadType", payloadType);
    root.put("payload", Base64.getEncoder().encodeToString(payload));
    ArrayNode sigs = root.putArray("signatures");
    for (Sig s : signatures) {
      ObjectNode n = sigs.addObject();
      if (s.keyid() != null) n.put("keyid", s.keyid());
      n.put("sig", Base64.getEncoder().encodeToString(s.sig()));
    }
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The payload as a JSON tree (the in-toto statement). */
  public JsonNode payloadJson() throws MalformedEnvelopeException {
    try {
      return JSON.readTree(payload);
    } catch (IOException e) {
      throw new MalformedEnvelopeException("the payload is not JSON: " + originalMessage(e));
    }
  }

  /**
   * Reads an envelope; standard and URL-safe base64 are both accepted, as DSSE asks of readers.
   *
   * @throws MalformedEnvelopeException naming the field that is missing or wrong
   */
  public static Envelope parse(byte[] json) throws MalformedEnvelopeException {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (IOException e) {
      throw new MalformedEnvelopeException("not JSON: " + originalMessage(e));
    }
    if (root == null || !root.isObject()) {
      throw new MalformedEnvelopeException(
          "expected a JSON object with payloadType, payload and signatures");
    }
    String type = text(root, "payloadType");
    byte[] payload = base64(text(root, "payload"), "payload");
    JsonNode sigs = root.get("signatures");
    if (sigs == null || !sigs.isArray() || sigs.isEmpty()) {
      throw new MalformedEnvelopeException("signatures: expected a non-empty array");
    }
    List<Sig> out = new ArrayList<>();
    for (int i = 0; i < sigs.size(); i++) {
      JsonNode s = sigs.get(i);
      if (!s.isObject())
        throw new MalformedEnvelopeException("signatures[" + i + "]: expected an object");
      JsonNode keyid = s.get("keyid");
      out.add(
          new Sig(
              keyid == null || keyid.isNull() ? null : keyid.asText(),
              base64(text(s, "sig", "signatures[" + i + "].sig"), "signatures[" + i + "].sig")));
    }
    return new Envelope(type, payload, out);
  }

  private static String originalMessage(IOException e) {
    return e instanceof com.fasterxml.jackson.core.JsonProcessingException j
        ? j.getOriginalMessage()
        : e.getMessage();
  }

  private static String text(JsonNode node, String field) throws MalformedEnvelopeException {
    return text(node, field, field);
  }

  private static String text(JsonNode node, String field, String path)
      throws MalformedEnvelopeException {
    JsonNode v = node.get(field);
    if (v == null || !v.isTextual())
      throw new MalformedEnvelopeException(path + ": expected a string");
    return v.asText();
  }

  private static byte[] base64(String text, String path) throws MalformedEnvelopeException {
    try {
      return text.indexOf('-') >= 0 || text.indexOf('_') >= 0
          ? Base64.getUrlDecoder().decode(text)
          : Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw new MalformedEnvelopeException(path + ": not base64 (" + e.getMessage() + ")");
    }
  }

  /** The envelope's payload as text, for messages and tests. */
  public String payloadText() {
    return new String(payload, StandardCharsets.UTF_8);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Envelope e
        && payloadType.equals(e.payloadType)
        && java.util.Arrays.equals(payload, e.payload)
        && signatures.size() == e.signatures.size()
        && java.util.stream.IntStream.range(0, signatures.size())
            .allMatch(
                i ->
                    java.util.Objects.equals(signatures.get(i).keyid(), e.signatures.get(i).keyid())
                        && java.util.Arrays.equals(
                            signatures.get(i).sig(), e.signatures.get(i).sig()));
  }

  @Override
  public int hashCode() {
    return payloadType.hashCode() * 31 + java.util.Arrays.hashCode(payload);
  }
}
