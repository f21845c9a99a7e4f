package dev.weft.controller.provenance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.controller.LocalController;
import dev.weft.model.Workflow;
import dev.weft.model.status.WorkflowPhase;
import dev.weft.model.status.WorkflowStatus;
import dev.weft.provenance.Dsse;
import dev.weft.provenance.Envelope;
import dev.weft.provenance.SigningKey;
import dev.weft.store.InMemoryStore;
import dev.weft.store.RetryOnConflict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The signing step on its own: a completed workflow in a store, signed once, or failed. */
class NotaryTest {
  private static final Notary.Retries FAST = new Notary.Retries(3, Duration.ofMillis(10));

  @TempDir Path dir;
  private final InMemoryStore store = new InMemoryStore();
  private final AtomicInteger statements = new AtomicInteger();
  private SigningKey key;
  private LocalAttestations attestations;

  @BeforeEach
  void key() throws Exception {
    key = SigningKey.loadOrCreate(dir.resolve("signing"));
    attestations = new LocalAttestations(dir.resolve("attestations"));
  }

  /** Counts the statements made: a second signature of a run would make a second one. */
  private final ProvenanceSource counted =
      wf -> {
        statements.incrementAndGet();
        return new WorkflowProvenance(
                store,
                null,
                NodeLogs.none(),
                null,
                "0.1.0",
                new BuilderIdentity("server", "sandboxed"))
            .statement(wf);
      };

  private Notary notary(ProvenanceSource source) {
    return new Notary(store, source, key, attestations, FAST, SigningPause.NONE);
  }

  private Workflow completed(String name) {
    Workflow wf =
        store.create(
            LocalController.workflow(
                name, "spec: {entrypoint: main, templates: [{name: main, suspend: {}}]}"));
    return store.updateStatus(wf.withStatus(succeeded(Instant.parse("2026-12-06T18:00:03Z"))));
  }

  private static String annotation(Workflow wf, String key) {
    return wf.metadata().annotationsOrEmpty().get(key);
  }

  private byte[] envelopeOf(Workflow wf) throws IOException {
    return Files.readAllBytes(attestations.file("default", wf.metadata().uid()));
  }

  @Test
  void aCompletedWorkflowIsAnnotatedWithAnEnvelopeThatVerifiesWithThePublicKey() throws Exception {
    Workflow wf = completed("done");

    Notary.Outcome outcome = notary(counted).sign(wf);

    Workflow signed = ((Notary.Outcome.Settled) outcome).workflow();
    assertThat(annotation(signed, ProvenanceAnnotations.SIGNED)).isEqualTo("true");
    byte[] bytes = envelopeOf(wf);
    assertThat(annotation(signed, ProvenanceAnnotations.ATTESTATION_SHA256))
        .isEqualTo(Notary.sha256(bytes));
    Envelope env = Envelope.parse(bytes);
    assertThat(env.payloadType()).isEqualTo("application/vnd.in-toto+json");
    assertThat(Dsse.verify(env, SigningKey.readPublic(dir.resolve("signing/ed25519.pub"))))
        .isTrue();
    assertThat(env.payloadJson().at("/predicate/runDetails/metadata/invocationId").asText())
        .isEqualTo(wf.metadata().uid());
    assertThat(store.get(Workflow.class, "default", "done").orElseThrow().metadata().annotations())
        .containsKeys(ProvenanceAnnotations.SIGNED, ProvenanceAnnotations.ATTESTATION_SHA256);
  }

  @Test
  void anEnvelopeLeftByACrashBeforeTheAnnotationIsAdoptedNotSignedAgain() throws Exception {
    Workflow wf = completed("crashed");
    notary(counted).sign(wf);
    byte[] first = envelopeOf(wf);
    // the state a crash between the envelope's write and the annotation's leaves behind
    Workflow unannotated =
        RetryOnConflict.edit(
                store,
                Workflow.class,
                "default",
                "crashed",
                tree -> tree.withObject("metadata").remove("annotations"))
            .orElseThrow();

    Notary.Outcome outcome = notary(counted).sign(unannotated);

    Workflow signed = ((Notary.Outcome.Settled) outcome).workflow();
    assertThat(statements).hasValue(1);
    assertThat(envelopeOf(wf)).isEqualTo(first);
    assertThat(annotation(signed, ProvenanceAnnotations.ATTESTATION_SHA256))
        .isEqualTo(Notary.sha256(first));
  }

  @Test
  void anEnvelopeAnotherKeySignedIsReplacedByOneOfThisKey() throws Exception {
    Workflow wf = completed("rotated");
    SigningKey old = SigningKey.generate();
    byte[] statement = counted.statement(wf);
    attestations.write(
        "default", wf.metadata().uid(), Dsse.sign(old, Dsse.IN_TOTO, statement).toJson());

    notary(counted).sign(wf);

    assertThat(Dsse.verify(Envelope.parse(envelopeOf(wf)), key.publicKey())).isTrue();
  }

  @Test
  void aFailingSignatureIsRetriedWithGrowingDelaysThenAnnotatedFailedWithTheReason() {
    Workflow wf = completed("unreadable");
    Notary notary =
        notary(
            w -> {
              throw new IOException("artifact out/result.tgz cannot be read");
            });

    Notary.Outcome first = notary.sign(wf);
    Notary.Outcome second = notary.sign(wf);
    Notary.Outcome third = notary.sign(wf);

    assertThat(first).isEqualTo(new Notary.Outcome.Retry(Duration.ofMillis(10), reason()));
    assertThat(second).isEqualTo(new Notary.Outcome.Retry(Duration.ofMillis(20), reason()));
    Workflow failed = ((Notary.Outcome.Settled) third).workflow();
    assertThat(annotation(failed, ProvenanceAnnotations.SIGNED)).isEqualTo("failed");
    assertThat(annotation(failed, ProvenanceAnnotations.SIGNING_ERROR))
        .isEqualTo("after 3 attempts: artifact out/result.tgz cannot be read");
    assertThat(failed.status().phase()).isEqualTo(WorkflowPhase.SUCCEEDED);
    assertThat(Files.exists(attestations.file("default", wf.metadata().uid()))).isFalse();
  }

  private static String reason() {
    return "artifact out/result.tgz cannot be read";
  }

  @Test
  void aSettledWorkflowIsNotSignedAgain() throws Exception {
    Workflow wf = completed("settled");
    Workflow signed = ((Notary.Outcome.Settled) notary(counted).sign(wf)).workflow();

    Notary.Outcome again = notary(counted).sign(signed);

    assertThat(again).isEqualTo(new Notary.Outcome.Settled(signed));
    assertThat(statements).hasValue(1);
  }

  @Test
  void aWorkflowReplacedByAnotherOfTheSameNameIsNotAnnotated() throws Exception {
    Workflow wf = completed("replaced");
    store.delete(Workflow.class, "default", "replaced");
    Workflow successor = completed("replaced");

    Notary.Outcome outcome = notary(counted).sign(wf);

    assertThat(outcome).isEqualTo(new Notary.Outcome.Gone());
    Workflow stored = store.get(Workflow.class, "default", "replaced").orElseThrow();
    assertThat(stored.metadata().uid()).isEqualTo(successor.metadata().uid());
    assertThat(stored.metadata().annotationsOrEmpty())
        .doesNotContainKey(ProvenanceAnnotations.SIGNED);
  }

  @Test
  void aRunRetriedWhileItWasBeingSignedIsNotAnnotatedWithTheFirstRunsVerdict() throws Exception {
    Workflow wf = completed("retried-meanwhile");
    // what a retry saves: the same uid, one more retry, Running again with no end
    Workflow running =
        RetryOnConflict.edit(
                store,
                Workflow.class,
                "default",
                "retried-meanwhile",
                tree -> {
                  tree.withObject("metadata")
                      .withObject("annotations")
                      .put(dev.weft.engine.rerun.Retry.RETRIES_ANNOTATION, "1");
                  tree.withObject("status").put("phase", "Running").remove("finishedAt");
                })
            .orElseThrow();

    Notary.Outcome outcome = notary(counted).sign(wf);

    assertThat(outcome).isEqualTo(new Notary.Outcome.Gone());
    Workflow stored = store.get(Workflow.class, "default", "retried-meanwhile").orElseThrow();
    assertThat(stored.metadata().resourceVersion()).isEqualTo(running.metadata().resourceVersion());
    assertThat(stored.metadata().annotationsOrEmpty())
        .doesNotContainKey(ProvenanceAnnotations.SIGNED)
        .doesNotContainKey(ProvenanceAnnotations.SIGNED_RUN);
  }

  @Test
  void aSignedVerdictTheSubmitterWroteIsNotTrusted() throws Exception {
    Workflow wf = completed("forged");
    // what a submitter who wrote the verdict into the workflow's annotations leaves
    Workflow done =
        RetryOnConflict.edit(
                store,
                Workflow.class,
                "default",
                "forged",
                tree ->
                    tree.withObject("metadata")
                        .withObject("annotations")
                        .put(ProvenanceAnnotations.SIGNED, "true")
                        .put(ProvenanceAnnotations.ATTESTATION_SHA256, "00"))
            .orElseThrow();

    assertThat(Notary.settled(done)).isFalse();
    Workflow signed = ((Notary.Outcome.Settled) notary(counted).sign(done)).workflow();

    assertThat(statements).hasValue(1);
    assertThat(annotation(signed, ProvenanceAnnotations.ATTESTATION_SHA256))
        .isEqualTo(Notary.sha256(envelopeOf(wf)));
    assertThat(Notary.settled(signed)).isTrue();
  }

  @Test
  void aRetriedRunIsSignedAgainForItsNewEndNotGivenTheFirstRunsEnvelope() throws Exception {
    Workflow wf = completed("retried");
    Workflow signed = ((Notary.Outcome.Settled) notary(counted).sign(wf)).workflow();
    // a retry keeps the uid and the annotations; the run ends again, later
    Instant later = Instant.parse("2026-12-06T18:05:00Z");
    Workflow again = store.updateStatus(signed.withStatus(succeeded(later)));

    assertThat(Notary.settled(again)).isFalse();
    notary(counted).sign(again);

    assertThat(statements).hasValue(2);
    assertThat(
            Envelope.parse(envelopeOf(wf))
                .payloadJson()
                .at("/predicate/runDetails/metadata/finishedOn")
                .asText())
        .isEqualTo(later.toString());
  }

  private static WorkflowStatus succeeded(Instant finishedAt) {
    return new WorkflowStatus(
        WorkflowPhase.SUCCEEDED,
        Instant.parse("2026-12-06T18:00:00Z"),
        finishedAt,
        null,
        null,
        Map.of(),
        null,
        null,
        null,
        null,
        null,
        null);
  }
}
