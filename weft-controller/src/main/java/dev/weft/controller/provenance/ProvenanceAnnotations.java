package dev.weft.controller.provenance;

import dev.weft.engine.rerun.Retry;
import dev.weft.model.Workflow;
import java.util.List;
import java.util.Map;

/**
 * The annotations a signed (or unsignable) workflow carries, as Tekton Chains marks its runs.
 * Annotations are written by whoever submits the workflow too, so a verdict counts only with the
 * {@link #SIGNED_RUN} the controller wrote beside it: a submitter cannot know the uid the store
 * gives the workflow, and a retry (same uid, same annotations) ends at another time.
 */
public final class ProvenanceAnnotations {
  /** {@code "true"} once the envelope is stored; {@code "failed"} when it could not be made. */
  public static final String SIGNED = "weft.dev/signed";

  /** Hex sha256 of the stored envelope's bytes. */
  public static final String ATTESTATION_SHA256 = "weft.dev/attestation-sha256";

  /** Why signing failed, when {@link #SIGNED} is {@code "failed"}. */
  public static final String SIGNING_ERROR = "weft.dev/signing-error";

  /** The run the verdict is about, {@link #run}: a verdict for another run (or none) is void. */
  public static final String SIGNED_RUN = "weft.dev/signed-run";

  /** Every annotation of the verdict: written together, replaced together. */
  static final List<String> VERDICT =
      List.of(SIGNED, ATTESTATION_SHA256, SIGNING_ERROR, SIGNED_RUN);

  private ProvenanceAnnotations() {}

  /**
   * Which run of the workflow this is: {@code {uid}/{retries}@{finishedAt}}. A retry keeps the uid
   * and ends again, so each attempt is a run of its own.
   */
  public static String run(Workflow wf) {
    return run(
        wf.metadata().uid(),
        wf.metadata().annotationsOrEmpty().getOrDefault(Retry.RETRIES_ANNOTATION, "0"),
        wf.status() == null || wf.status().finishedAt() == null
            ? ""
            : wf.status().finishedAt().toString());
  }

  static String run(String uid, String retries, String finishedAt) {
    return uid + "/" + retries + "@" + finishedAt;
  }

  /** Whether the workflow carries a verdict ({@code true} or {@code failed}) about this run. */
  public static boolean settled(Workflow wf) {
    Map<String, String> notes = wf.metadata().annotationsOrEmpty();
    return notes.containsKey(SIGNED) && run(wf).equals(notes.get(SIGNED_RUN));
  }
}
