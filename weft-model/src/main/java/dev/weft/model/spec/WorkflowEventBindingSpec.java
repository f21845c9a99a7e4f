package dev.weft.model.spec;

/** What a binding listens for and, optionally, what it submits when an event matches. */
public record WorkflowEventBindingSpec(EventSelector event, EventSubmit submit) {

  /**
   * The selector, "" when absent: Argo serializes a missing one as "" and fails it at event time.
   */
  public String selectorOrEmpty() {
    return event == null || event.selector() == null ? "" : event.selector();
  }
}
