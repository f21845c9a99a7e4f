package dev.weft.provenance;

/** An envelope or key file that cannot be read, with what was expected. */
public final class MalformedEnvelopeException extends Exception {
  public MalformedEnvelopeException(String message) {
    super(message);
  }
}
