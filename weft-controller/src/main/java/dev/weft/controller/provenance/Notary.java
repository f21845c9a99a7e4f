package dev.weft.controller.provenance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.model.Workflow;
import dev.weft.model.codec.Codec;
import dev.weft.provenance.Dsse;
import dev.weft.provenance.Envelope;
import dev.weft.provenance.MalformedEnvelopeException;
import dev.weft.provenance.SigningKey;
import dev.weft.store.RetryOnConflict;
import dev.weft.store.Store;
import dev.weft.store.StoreException;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signs a completed workflow, once: makes its statement, signs it (DSSE), stores the envelope, then
 * annotates the workflow ({@link ProvenanceAnnotations}) in one write. The annotation is what says
 * "done": a workflow without it is signed on the next reconcile, after a restart too.
 *
 * <p>Exactly once across crashes: a crash after the envelope was stored and before the annotation
 * leaves an envelope that verifies with this key; it is adopted (same bytes), not signed again. A
 * failure (an artifact that cannot be read, the repository unreachable) is retried {@link
 * Retries#attempts} times with doubling delays, then the workflow is annotated {@code failed} with
 * the reason: never a loop, never another phase for the workflow.
 */
public final class Notary {
  private final Store store;
  private final ProvenanceSource source;
  private final SigningKey key;
  private final Attestations attestations;
  private final Retries retries;
  private final SigningPause pause;

  /** Failed attempts per workflow uid, for the backoff; forgotten once settled. */
  private final Map<String, Integer> failures = new ConcurrentHashMap<>();

  /** How often a failing signature is tried, the first retry after {@code firstDelay}. */
  public record Retries(int attempts, Duration firstDelay) {
    public static final Retries DEFAULT = new Retries(5, Duration.ofSeconds(1));

    Duration delay(int failed) {
      return firstDelay.multipliedBy(1L << Math.min(failed - 1, 16));
    }
  }

  /** What signing came to. */
  public sealed interface Outcome {
    /** Annotated, now or before: signed, or failed for good. Retention may follow. */
    record Settled(Workflow workflow) implements Outcome {}

    /** Not yet: try again after {@code delay} (a failure that may pass). */
    record Retry(Duration delay, String reason) implements Outcome {}

    /** The workflow was deleted, or replaced by another of the same name, meanwhile. */
    record Gone() implements Outcome {}
  }

  public Notary(
      Store store,
      ProvenanceSource source,
      SigningKey key,
      Attestations attestations,
      Retries retries,
      SigningPause pause) {
    this.store = store;
    this.source = source;
    this.key = key;
    this.attestations = attestations;
    this.retries = retries;
    this.pause = pause;
  }

  /**
   * Whether the workflow carries a signing verdict about this run: {@link ProvenanceAnnotations}.
   */
  public static boolean settled(Workflow wf) {
    return ProvenanceAnnotations.settled(wf);
  }

  /**
   * Signs {@code completed} unless it is settled. Store failures are thrown (the reconciler retries
   * those for as long as it takes); failures of signing itself are counted here.
   */
  public Outcome sign(Workflow completed) {
    if (settled(completed)) return new Outcome.Settled(completed);
    String uid = completed.metadata().uid();
    pause.at(SigningPause.BEFORE_ENVELOPE, completed);
    byte[] envelope;
    try {
      envelope = adoptOrSign(completed);
    } catch (StoreException e) {
      throw e; // the store's fault, not the signature's: retried as every store failure is
    } catch (IOException | RuntimeException e) {
      String reason = reason(e);
      int failed = failures.merge(uid, 1, Integer::sum);
      if (failed < retries.attempts()) return new Outcome.Retry(retries.delay(failed), reason);
      failures.remove(uid);
      return annotate(
          completed,
          Map.of(
              ProvenanceAnnotations.SIGNED,
              "failed",
              ProvenanceAnnotations.SIGNING_ERROR,
              "after " + failed + " attempts: " + reason));
    }
    pause.at(SigningPause.AFTER_ENVELOPE, completed);
    failures.remove(uid);
    return annotate(
        completed,
        Map.of(
            ProvenanceAnnotations.SIGNED,
            "true",
            ProvenanceAnnotations.ATTESTATION_SHA256,
            sha256(envelope)));
  }

  /** Where this workflow's envelope is, for messages. */
  public String describe(Workflow wf) {
    return attestations.describe(wf.metadata().namespaceOrDefault(), wf.metadata().uid());
  }

  /** The stored envelope if an earlier attempt left one this key signed for this run, else new. */
  private byte[] adoptOrSign(Workflow wf) throws IOException {
    String ns = wf.metadata().namespaceOrDefault();
    String uid = wf.metadata().uid();
    Optional<byte[]> stored = attestations.read(ns, uid);
    if (stored.isPresent() && ours(stored.get(), ProvenanceAnnotations.run(wf))) {
      return stored.get();
    }
    byte[] statement = source.statement(wf);
    byte[] envelope = Dsse.sign(key, Dsse.IN_TOTO, statement).toJson();
    attestations.write(ns, uid, envelope);
    return envelope;
  }

  /**
   * Whether {@code bytes} are an in-toto envelope signed with this key about {@code run} ({@link
   * ProvenanceAnnotations#run}): anything else (another key's, after a rotation; an earlier
   * attempt's, before a retry; a truncated file) is replaced.
   */
  private boolean ours(byte[] bytes, String run) {
    try {
      Envelope env = Envelope.parse(bytes);
      if (!Dsse.IN_TOTO.equals(env.payloadType()) || !Dsse.verify(env, key.publicKey())) {
        return false;
      }
      JsonNode predicate = env.payloadJson().path("predicate");
      JsonNode metadata = predicate.path("runDetails").path("metadata");
      return run.equals(
          ProvenanceAnnotations.run(
              metadata.path("invocationId").asText(""),
              predicate
                  .path("buildDefinition")
                  .path("externalParameters")
                  .path("retries")
                  .asText("0"),
              metadata.path("finishedOn").asText("")));
    } catch (MalformedEnvelopeException e) {
      return false;
    }
  }

  /**
   * The verdict's annotations in one write, replacing any earlier (or submitted) verdict, retried
   * on conflict; Gone if the run is not there anymore.
   */
  private Outcome annotate(Workflow wf, Map<String, String> verdict) {
    String uid = wf.metadata().uid();
    Map<String, String> annotations = new java.util.HashMap<>(verdict);
    String run = ProvenanceAnnotations.run(wf);
    annotations.put(ProvenanceAnnotations.SIGNED_RUN, run);
    try {
      return RetryOnConflict.edit(
              store,
              Workflow.class,
              wf.metadata().namespaceOrDefault(),
              wf.metadata().name(),
              tree -> {
                ObjectNode meta = tree.withObject("metadata");
                if (!uid.equals(meta.path("uid").asText(null))) throw new Replaced();
                // retried since it was read: the verdict is about a run that is not this one
                if (!run.equals(ProvenanceAnnotations.run(Codec.convert(tree, Workflow.class)))) {
                  throw new Replaced();
                }
                ObjectNode notes = meta.withObject("annotations");
                notes.remove(ProvenanceAnnotations.VERDICT);
                annotations.forEach(notes::put);
              })
          .<Outcome>map(Outcome.Settled::new)
          .orElseGet(Outcome.Gone::new);
    } catch (Replaced e) {
      return new Outcome.Gone();
    }
  }

  /**
   * The workflow of that name is another run now (replaced, or retried): its signing is its own
   * reconcile's.
   */
  private static final class Replaced extends RuntimeException {
    Replaced() {
      super(null, null, false, false);
    }
  }

  private static String reason(Throwable e) {
    String message = e.getMessage();
    String reason =
        e instanceof IOException && message != null
            ? message
            : e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    return reason.length() > 1000 ? reason.substring(0, 1000) + "..." : reason;
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
