package dev.weft.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.controller.provenance.ProvenanceAccess;
import dev.weft.controller.provenance.ProvenanceAnnotations;
import dev.weft.model.Workflow;
import dev.weft.provenance.Dsse;
import dev.weft.provenance.Envelope;
import dev.weft.provenance.SigningKey;
import dev.weft.store.RetryOnConflict;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A workflow's attestation and the signing key over real HTTP. Signing is the controller's; here it
 * signs nothing and the envelope is written where it would put it, through the server's own {@link
 * ProvenanceAccess}, so each workflow is in the state a test needs.
 */
class AttestationApiTest {
  static ServerHarness h;
  static SigningKey key;
  static byte[] stored;

  @BeforeAll
  static void start() throws Exception {
    h = ServerHarness.unsigned();
    for (String name : new String[] {"signed", "unsigned", "refused"}) {
      assertThat(
              h.post("/api/v1/workflows/default", ServerHarness.echoWorkflow(name, "{}")).status())
          .isEqualTo(200);
    }
    String uid = h.awaitPhase("default", "signed", "Succeeded").at("/metadata/uid").asText();
    h.awaitPhase("default", "unsigned", "Succeeded");
    h.awaitPhase("default", "refused", "Succeeded");
    String waiting =
        """
        {"workflow": {"metadata": {"name": "waiting"}, "spec": {"entrypoint": "main",
          "templates": [{"name": "main", "suspend": {}}]}}}
        """;
    assertThat(h.post("/api/v1/workflows/default", waiting).status()).isEqualTo(200);
    h.awaitPhase("default", "waiting", "Running");
    key = SigningKey.loadOrCreate(h.dataDir.resolve(ProvenanceAccess.SIGNING_DIR));
    Envelope envelope =
        Dsse.sign(
            key,
            Dsse.IN_TOTO,
            "{\"_type\":\"https://in-toto.io/Statement/v1\",\"subject\":[]}"
                .getBytes(StandardCharsets.UTF_8));
    stored = envelope.toJson();
    h.plane.provenance().orElseThrow().attestations().write("default", uid, stored);
    String refusedRun =
        ProvenanceAnnotations.run(
            h.plane.store().get(Workflow.class, "default", "refused").orElseThrow());
    RetryOnConflict.edit(
        h.plane.store(),
        Workflow.class,
        "default",
        "refused",
        tree ->
            tree.withObject("metadata")
                .withObject("annotations")
                .put(ProvenanceAnnotations.SIGNED, "failed")
                .put(ProvenanceAnnotations.SIGNED_RUN, refusedRun)
                .put(ProvenanceAnnotations.SIGNING_ERROR, "the attestation store is full"));
  }

  @AfterAll
  static void stop() throws Exception {
    h.close();
  }

  private static HttpResponse<byte[]> fetch(String path) throws Exception {
    return h.client.send(h.request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void theEnvelopeIsServedAsStoredByteForByte() throws Exception {
    HttpResponse<byte[]> r = fetch("/api/v1/workflows/default/signed/attestation");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(r.body()).isEqualTo(stored);
  }

  @Test
  void theSigstoreBundleFormWrapsItWithTheKeyHint() {
    JsonNode bundle =
        h.get("/api/v1/workflows/default/signed/attestation?format=sigstore-bundle").json();
    assertThat(bundle.path("mediaType").asText())
        .isEqualTo("application/vnd.dev.sigstore.bundle.v0.3+json");
    assertThat(bundle.at("/verificationMaterial/publicKey/hint").asText()).isEqualTo(key.keyId());
    assertThat(bundle.at("/dsseEnvelope/payloadType").asText()).isEqualTo(Dsse.IN_TOTO);
  }

  @Test
  void anUnknownFormatIsRefused() {
    ServerHarness.Response r = h.get("/api/v1/workflows/default/signed/attestation?format=pgp");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().path("message").asText())
        .isEqualTo("format: expected dsse or sigstore-bundle, found \"pgp\"");
  }

  @Test
  void aWorkflowThatDoesNotExistIsNotFoundInArgosShape() {
    ServerHarness.Response r = h.get("/api/v1/workflows/default/nope/attestation");
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.json().path("code").asInt()).isEqualTo(5);
    assertThat(r.json().path("message").asText()).isEqualTo("workflows \"nope\" not found");
  }

  @Test
  void aFinishedWorkflowWithoutAnEnvelopeIsNotSignedYet() {
    ServerHarness.Response r = h.get("/api/v1/workflows/default/unsigned/attestation");
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.json().path("message").asText())
        .isEqualTo(
            "workflow \"unsigned\" has no attestation yet: it finished Succeeded and is not signed"
                + " yet");
  }

  @Test
  void aRunningWorkflowIsSignedWhenItFinishes() {
    ServerHarness.Response r = h.get("/api/v1/workflows/default/waiting/attestation");
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.json().path("message").asText())
        .isEqualTo(
            "workflow \"waiting\" has no attestation yet: it is Running, and is signed when it"
                + " finishes");
  }

  @Test
  void aWorkflowWhoseSigningFailedSaysWhy() {
    ServerHarness.Response r = h.get("/api/v1/workflows/default/refused/attestation");
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.json().path("message").asText())
        .isEqualTo(
            "workflow \"refused\" has no attestation: signing failed: the attestation store is"
                + " full");
  }

  @Test
  void theAttestationWantsTheToken() throws Exception {
    HttpResponse<String> r =
        h.client.send(
            HttpRequest.newBuilder(h.uri("/api/v1/workflows/default/signed/attestation"))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(401);
  }

  @Test
  void theSigningKeyIsServedAsPemWithItsKeyId() throws Exception {
    HttpResponse<byte[]> r = fetch("/api/v1/signing-key");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/x-pem-file");
    assertThat(r.headers().firstValue(AttestationHandlers.KEY_ID_HEADER)).hasValue(key.keyId());
    assertThat(new String(r.body(), StandardCharsets.US_ASCII)).isEqualTo(key.publicPem());
  }
}
