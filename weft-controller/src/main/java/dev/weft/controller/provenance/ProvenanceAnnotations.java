package dev.weft.controller.provenance;

/** The annotations a signed (or unsignable) workflow carries, as Tekton Chains marks its runs. */
public final class ProvenanceAnnotations {
  /** {@code "true"} once the envelope is stored; {@code "failed"} when it could not be made. */
  public static final String SIGNED = "weft.dev/signed";

  /** Hex sha256 of the stored envelope's bytes. */
  public static final String ATTESTATION_SHA256 = "weft.dev/attestation-sha256";

  /** Why signing failed, when {@link #SIGNED} is {@code "failed"}. */
  public static final String SIGNING_ERROR = "weft.dev/signing-error";

  private ProvenanceAnnotations() {}
}
