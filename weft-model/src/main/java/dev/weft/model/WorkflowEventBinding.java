package dev.weft.model;

import dev.weft.model.spec.WorkflowEventBindingSpec;

/**
 * Argo's WorkflowEventBinding: when an event posted to {@code /api/v1/events/{namespace}/...}
 * matches {@code spec.event.selector}, a workflow is submitted from {@code spec.submit}'s template.
 * Namespaced, with no status (as in Argo).
 */
public record WorkflowEventBinding(
    String apiVersion, String kind, ObjectMeta metadata, WorkflowEventBindingSpec spec)
    implements Resource {

  /** The selector, "" when the binding has none (Argo fails such a binding at event time). */
  public String selectorOrEmpty() {
    return spec == null ? "" : spec.selectorOrEmpty();
  }
}
