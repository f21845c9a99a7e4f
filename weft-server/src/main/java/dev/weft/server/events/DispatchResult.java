package dev.weft.server.events;

import java.util.List;
import java.util.stream.Collectors;

/** Every binding's outcome for one event, in the order the bindings were evaluated. */
public record DispatchResult(List<BindingOutcome> outcomes) {

  public DispatchResult {
    outcomes = List.copyOf(outcomes);
  }

  /** The workflows created, in order. */
  public List<String> workflows() {
    return outcomes.stream()
        .filter(o -> o instanceof BindingOutcome.Submitted)
        .map(o -> ((BindingOutcome.Submitted) o).workflow())
        .toList();
  }

  public List<BindingOutcome.Failed> failures() {
    return outcomes.stream()
        .filter(o -> o instanceof BindingOutcome.Failed)
        .map(o -> (BindingOutcome.Failed) o)
        .toList();
  }

  public boolean failed() {
    return !failures().isEmpty();
  }

  /**
   * Argo's answer when any binding failed (even if others submitted): {@code failed to dispatch
   * event: [e1 e2]}, Go's {@code %v} of the list of errors.
   */
  public String failureMessage() {
    return failures().stream()
        .map(BindingOutcome.Failed::message)
        .collect(Collectors.joining(" ", "failed to dispatch event: [", "]"));
  }
}
