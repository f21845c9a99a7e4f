package dev.weft.controller.cron;

import dev.weft.model.CronWorkflow;
import dev.weft.model.ObjectMeta;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The changes one reconcile makes to a CronWorkflow: its status and the labels and annotations
 * Argo's cron controller writes (completed, last-used-schedule), to be saved in one update.
 */
final class CronDraft {
  private final CronWorkflow original;
  private final CronStatus originalStatus;
  private final Map<String, String> labels;
  private final Map<String, String> annotations;
  private CronStatus status;

  CronDraft(CronWorkflow original) {
    this.original = original;
    this.originalStatus = CronStatus.fromJson(original.status());
    this.status = originalStatus;
    this.labels = new LinkedHashMap<>(original.metadata().labelsOrEmpty());
    this.annotations = new LinkedHashMap<>(original.metadata().annotationsOrEmpty());
  }

  CronWorkflow original() {
    return original;
  }

  CronStatus status() {
    return status;
  }

  void status(CronStatus newStatus) {
    status = newStatus;
  }

  /** The metadata as this draft has it, for the expressions' {@code cronworkflow.*} variables. */
  ObjectMeta meta() {
    ObjectMeta m = original.metadata();
    return new ObjectMeta(
        m.name(),
        m.generateName(),
        m.namespace(),
        labels.isEmpty() ? null : Map.copyOf(labels),
        annotations.isEmpty() ? null : Map.copyOf(annotations),
        m.uid(),
        m.resourceVersion(),
        m.generation(),
        m.creationTimestamp(),
        m.deletionTimestamp(),
        m.finalizers(),
        m.ownerReferences());
  }

  /** Stopped by its stopStrategy: the Stopped phase or Argo's completed label. */
  boolean stopped() {
    return status.stopped() || "true".equals(labels.get(CronLabels.COMPLETED));
  }

  /** Argo's setAsCompleted. */
  void markStopped() {
    status = status.withPhase(CronPhase.STOPPED);
    labels.put(CronLabels.COMPLETED, "true");
  }

  void annotate(String key, String value) {
    annotations.put(key, value);
  }

  String annotation(String key) {
    return annotations.get(key);
  }

  boolean changed() {
    return !status.equals(originalStatus)
        || !labels.equals(original.metadata().labelsOrEmpty())
        || !annotations.equals(original.metadata().annotationsOrEmpty());
  }

  /** The CronWorkflow to write, with the resourceVersion it was read at. */
  CronWorkflow toResource() {
    return new CronWorkflow(
        original.apiVersion(), original.kind(), meta(), original.spec(), status.toJson());
  }

  @Override
  public String toString() {
    return Objects.toString(original.metadata().name()) + " " + status;
  }
}
