package dev.weft.server;

import dev.weft.controller.ControlPlane;
import dev.weft.controller.provenance.ProvenanceAccess;
import dev.weft.controller.provenance.ProvenanceAnnotations;
import dev.weft.model.Workflow;
import dev.weft.model.status.WorkflowPhase;
import dev.weft.provenance.Envelope;
import dev.weft.provenance.MalformedEnvelopeException;
import dev.weft.provenance.SigningKey;
import dev.weft.provenance.SigstoreBundle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * Weft's extensions for signed provenance (Argo has none): a workflow's attestation, {@code GET
 * /api/v1/workflows/{ns}/{name}/attestation}, as the DSSE envelope the controller stored (its exact
 * bytes) or, with {@code ?format=sigstore-bundle}, in a Sigstore bundle; and the public key that
 * checks it, {@code GET /api/v1/signing-key}, as SPKI PEM. Both want the token as every API route.
 */
public final class AttestationHandlers {
  static final String FORMAT_DSSE = "dsse";
  static final String FORMAT_BUNDLE = "sigstore-bundle";

  /** The keyid of the key served, so a client can see which key it got without parsing it. */
  static final String KEY_ID_HEADER = "X-Weft-Key-Id";

  private final ControlPlane plane;

  public AttestationHandlers(ControlPlane plane) {
    this.plane = plane;
  }

  public void register(Router router) {
    router
        .add("GET", "/api/v1/workflows/{namespace}/{name}/attestation", this::attestation)
        .add("GET", "/api/v1/signing-key", this::signingKey);
  }

  private ProvenanceAccess access() {
    return plane
        .provenance()
        .orElseThrow(() -> ApiException.unimplemented("this server keeps no signed provenance"));
  }

  private Object attestation(Request r) throws IOException {
    String format = Optional.ofNullable(r.query("format")).orElse(FORMAT_DSSE);
    if (!format.equals(FORMAT_DSSE) && !format.equals(FORMAT_BUNDLE)) {
      throw ApiException.invalid(
          "format: expected "
              + FORMAT_DSSE
              + " or "
              + FORMAT_BUNDLE
              + ", found \""
              + format
              + "\"");
    }
    String ns = r.path("namespace");
    Workflow wf = StoredObjects.get(plane.store(), Workflow.class, ns, r.path("name"));
    byte[] stored =
        access()
            .attestations()
            .read(ns, wf.metadata().uid())
            .orElseThrow(() -> ApiException.notFound(whyNone(wf)));
    Envelope envelope;
    try {
      envelope = Envelope.parse(stored);
    } catch (MalformedEnvelopeException e) {
      throw ApiException.internal(
          "the stored attestation of workflow \"" + wf.metadata().name() + "\" is not an envelope");
    }
    byte[] body =
        format.equals(FORMAT_BUNDLE) ? SigstoreBundle.wrap(envelope, hint(envelope)) : stored;
    r.respond(200, "application/json", body);
    return null;
  }

  /**
   * The key the envelope names (the key that signed it, even after a new one), else the server's.
   */
  private String hint(Envelope envelope) throws IOException {
    String named = envelope.signatures().get(0).keyid();
    if (named != null && !named.isBlank()) return named;
    return currentKeyId().orElse("");
  }

  /** Why the workflow has no envelope: not finished, not yet signed, or signing failed and why. */
  static String whyNone(Workflow wf) {
    String name = "workflow \"" + wf.metadata().name() + "\"";
    Map<String, String> annotations = wf.metadata().annotationsOrEmpty();
    // a verdict about another run, or one the submitter wrote, is no verdict
    String signed =
        ProvenanceAnnotations.settled(wf) ? annotations.get(ProvenanceAnnotations.SIGNED) : null;
    if ("failed".equals(signed)) {
      String error = annotations.get(ProvenanceAnnotations.SIGNING_ERROR);
      return name
          + " has no attestation: signing failed"
          + (error == null || error.isBlank() ? "" : ": " + error);
    }
    if ("true".equals(signed)) {
      return name + " is annotated as signed, but its attestation is not in the server's storage";
    }
    WorkflowPhase phase = wf.status() == null ? null : wf.status().phase();
    if (phase == null || !phase.completed()) {
      return name
          + " has no attestation yet: it is "
          + (phase == null ? "not started" : phase.label())
          + ", and is signed when it finishes";
    }
    return name
        + " has no attestation yet: it finished "
        + phase.label()
        + " and is not signed yet";
  }

  private Object signingKey(Request r) throws IOException {
    String pem = pem().orElseThrow(() -> ApiException.notFound(noKeyYet()));
    r.responseHeader(KEY_ID_HEADER, keyId(pem));
    r.respond(200, "application/x-pem-file", pem.getBytes(StandardCharsets.US_ASCII));
    return null;
  }

  private Optional<String> pem() throws IOException {
    return access().publicKey().pem();
  }

  private Optional<String> currentKeyId() throws IOException {
    Optional<String> pem = pem();
    return pem.isEmpty() ? Optional.empty() : Optional.of(keyId(pem.get()));
  }

  private static String keyId(String pem) {
    try {
      return SigningKey.keyId(SigningKey.parsePublic(pem, "the signing key"));
    } catch (MalformedEnvelopeException e) {
      throw ApiException.internal("the server's signing key is not an Ed25519 public key");
    }
  }

  private static String noKeyYet() {
    return "no signing key yet: the controller creates it when it starts with signing enabled";
  }
}
