package dev.weft.provenance;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.List;

/**
 * Dead Simple Signing Envelope (secure-systems-lab/dsse, protocol v1): what is signed is the
 * pre-authentication encoding of the payload type and the exact payload bytes, never re-serialized
 * JSON, so a verifier needs no JSON canonicalization to check it.
 */
public final class Dsse {
  /** The payload type of an in-toto statement. */
  public static final String IN_TOTO = "application/vnd.in-toto+json";

  private Dsse() {}

  /**
   * {@code "DSSEv1" SP LEN(type) SP type SP LEN(body) SP body}, each LEN the length in bytes (not
   * characters) in ASCII decimal.
   */
  public static byte[] pae(String payloadType, byte[] body) {
    byte[] type = payloadType.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream(type.length + body.length + 32);
    out.writeBytes(("DSSEv1 " + type.length + " ").getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(type);
    out.writeBytes((" " + body.length + " ").getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(body);
    return out.toByteArray();
  }

  /** An envelope holding {@code body}, signed by {@code key}. */
  public static Envelope sign(SigningKey key, String payloadType, byte[] body) {
    try {
      Signature ed = Signature.getInstance("Ed25519");
      ed.initSign(key.privateKey());
      ed.update(pae(payloadType, body));
      return new Envelope(payloadType, body, List.of(new Envelope.Sig(key.keyId(), ed.sign())));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 signing failed: " + e.getMessage(), e);
    }
  }

  /** Whether any of the envelope's signatures is {@code key}'s over its payload. */
  public static boolean verify(Envelope envelope, PublicKey key) {
    byte[] pae = pae(envelope.payloadType(), envelope.payload());
    for (Envelope.Sig sig : envelope.signatures()) {
      try {
        Signature ed = Signature.getInstance("Ed25519");
        ed.initVerify(key);
        ed.update(pae);
        if (ed.verify(sig.sig())) return true;
      } catch (GeneralSecurityException e) {
        // a malformed signature or a key of another type: not this key's signature
      }
    }
    return false;
  }

  /** Signs with a private key alone (verification fixtures: a key that is not Weft's). */
  static byte[] rawSign(PrivateKey key, byte[] message) throws GeneralSecurityException {
    Signature ed = Signature.getInstance("Ed25519");
    ed.initSign(key);
    ed.update(message);
    return ed.sign();
  }
}
