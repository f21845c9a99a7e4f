package dev.weft.controller.workflow;

import dev.weft.model.Workflow;
import dev.weft.model.status.WorkflowStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Argo's {@code workflows.argoproj.io/phase} and {@code workflows.argoproj.io/completed} labels,
 * kept in step with the status, so label selectors find workflows by phase (`argo list --completed`
 * asks for {@code completed=true}).
 */
final class PhaseLabels {
  static final String PHASE = "workflows.argoproj.io/phase";
  static final String COMPLETED = "workflows.argoproj.io/completed";

  private PhaseLabels() {}

  /** The workflow with its labels brought up to date, or empty if they already are. */
  static Optional<Workflow> update(Workflow wf) {
    Map<String, String> labels = forStatus(wf, wf.status());
    return labels == null
        ? Optional.empty()
        : Optional.of(wf.withMetadata(wf.metadata().withLabels(labels)));
  }

  /** {@code wf}'s labels as {@code status} wants them, or null if they already are. */
  static Map<String, String> forStatus(Workflow wf, WorkflowStatus status) {
    if (status == null || status.phase() == null) return null;
    Map<String, String> labels = new LinkedHashMap<>(wf.metadata().labelsOrEmpty());
    labels.put(PHASE, status.phase().label());
    labels.put(COMPLETED, Boolean.toString(status.phase().completed()));
    return labels.equals(wf.metadata().labelsOrEmpty()) ? null : labels;
  }
}
