package dev.weft.provenance;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** PEM text (RFC 7468): one labelled block of base64 DER, as OpenSSL writes and reads it. */
final class Pem {
  private Pem() {}

  static String encode(String label, byte[] der) {
    String body =
        Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
  }

  /** The DER inside the first block labelled {@code label}. */
  static byte[] decode(String text, String label, String what) throws MalformedEnvelopeException {
    String begin = "-----BEGIN " + label + "-----";
    String end = "-----END " + label + "-----";
    int from = text.indexOf(begin);
    int to = from < 0 ? -1 : text.indexOf(end, from);
    if (from < 0 || to < 0) {
      throw new MalformedEnvelopeException(what + ": expected a PEM block \"" + begin + "\"");
    }
    try {
      return Base64.getMimeDecoder().decode(text.substring(from + begin.length(), to));
    } catch (IllegalArgumentException e) {
      throw new MalformedEnvelopeException(what + ": the PEM block is not base64");
    }
  }
}
