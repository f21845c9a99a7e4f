package dev.weft.model.status;

import java.util.List;

/**
 * What became of a delivery: Pending until its first dispatch is recorded, then Dispatched; how
 * many dispatches were made (first delivery, duplicates, redeliveries, restarts), when the last
 * was, one result per binding evaluated, and every workflow the delivery ever started.
 */
public record EventDeliveryStatus(
    String phase,
    Integer attempts,
    String dispatchedAt,
    List<BindingResult> bindings,
    List<String> workflows) {
  public static final String PENDING_PHASE = "Pending";
  public static final String DISPATCHED_PHASE = "Dispatched";

  public static final EventDeliveryStatus PENDING =
      new EventDeliveryStatus(PENDING_PHASE, 0, null, List.of(), List.of());

  public List<BindingResult> bindingsOrEmpty() {
    return bindings == null ? List.of() : bindings;
  }

  public List<String> workflowsOrEmpty() {
    return workflows == null ? List.of() : workflows;
  }

  public int attemptsOrZero() {
    return attempts == null ? 0 : attempts;
  }

  public boolean pending() {
    return phase == null || PENDING_PHASE.equals(phase);
  }

  /**
   * One binding's result: Submitted (with its workflow), NotMatched (the message is the selector),
   * MatchedWithoutSubmit, or Failed (the message is Argo's error).
   */
  public record BindingResult(String name, String result, String message, String workflow) {
    public static final String SUBMITTED = "Submitted";
    public static final String NOT_MATCHED = "NotMatched";
    public static final String MATCHED_WITHOUT_SUBMIT = "MatchedWithoutSubmit";
    public static final String FAILED = "Failed";

    /** Whether a new dispatch must evaluate the binding again (a Submitted one never is). */
    public boolean worthRetrying() {
      return FAILED.equals(result) || NOT_MATCHED.equals(result);
    }
  }
}
