package dev.weft.provenance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * An envelope in a Sigstore bundle v0.3 (sigstore/protobuf-specs {@code Bundle}, JSON names), the
 * form {@code @sigstore/verify} and {@code cosign verify-blob-attestation --bundle} read: {@code
 * {"mediaType", "verificationMaterial": {"publicKey": {"hint"}, "tlogEntries": []},
 * "dsseEnvelope"}}. Weft signs with a key, not a Fulcio certificate, and writes to no transparency
 * log, so the material is only the hint naming the key: its keyid.
 */
public final class SigstoreBundle {
  public static final String MEDIA_TYPE = "application/vnd.dev.sigstore.bundle.v0.3+json";

  private static final ObjectMapper JSON = new ObjectMapper();

  private SigstoreBundle() {}

  /** The bundle around {@code envelope}, naming the key by {@code keyHint}. */
  public static byte[] wrap(Envelope envelope, String keyHint) {
    ObjectNode bundle = JSON.createObjectNode();
    bundle.put("mediaType", MEDIA_TYPE);
    ObjectNode material = bundle.putObject("verificationMaterial");
    material.putObject("publicKey").put("hint", keyHint);
    material.putArray("tlogEntries");
    try {
      bundle.set("dsseEnvelope", JSON.readTree(envelope.toJson()));
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(bundle);
    } catch (IOException e) {
      throw new IllegalStateException("an envelope's own JSON always reads back", e);
    }
  }

  /**
   * The envelope in a file that is either a bare DSSE envelope or a Sigstore bundle holding one, so
   * `weft verify` takes both forms the server hands out.
   *
   * @throws MalformedEnvelopeException naming the field that is missing or wrong
   */
  public static Envelope envelopeOf(byte[] json) throws MalformedEnvelopeException {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (IOException e) {
      return Envelope.parse(json); // reports the JSON error in its words
    }
    if (root == null || !root.isObject() || !root.has("dsseEnvelope")) return Envelope.parse(json);
    String mediaType = root.path("mediaType").asText("");
    if (!mediaType.startsWith("application/vnd.dev.sigstore.bundle")) {
      throw new MalformedEnvelopeException(
          "mediaType: expected a Sigstore bundle ("
              + MEDIA_TYPE
              + "), found \""
              + mediaType
              + "\"");
    }
    try {
      return Envelope.parse(JSON.writeValueAsBytes(root.get("dsseEnvelope")));
    } catch (MalformedEnvelopeException e) {
      throw new MalformedEnvelopeException("dsseEnvelope: " + e.getMessage());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
