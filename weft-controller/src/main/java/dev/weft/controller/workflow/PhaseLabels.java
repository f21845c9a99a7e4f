package dev.weft.controller.workflow;

import dev.weft.model.Workflow;
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
    if (wf.status() == null || wf.status().phase() == null) return Optional.empty();
    Map<String, String> labels = new LinkedHashMap<>(wf.metadata().labelsOrEmpty());
    labels.put(PHASE, wf.status().phase().label());
    labels.put(COMPLETED, Boolean.toString(wf.status().phase().completed()));
    if (labels.equals(wf.metadata().labelsOrEmpty())) return Optional.empty();
    return Optional.of(wf.withMetadata(wf.metadata().withLabels(labels)));
  }
}
