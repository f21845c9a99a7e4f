package dev.weft.server.events;

/**
 * What one WorkflowEventBinding made of one event: the record a durable inbox can keep per binding.
 */
public sealed interface BindingOutcome {
  /** The binding's name. */
  String binding();

  /** The selector returned false. */
  record NotMatched(String binding, String selector) implements BindingOutcome {}

  /** The selector returned true, and the binding has nothing to submit. */
  record MatchedWithoutSubmit(String binding) implements BindingOutcome {}

  /** The selector returned true and this workflow was created. */
  record Submitted(String binding, String workflow) implements BindingOutcome {}

  /** The selector, a parameter or the submission failed; the message is Argo's. */
  record Failed(String binding, String message) implements BindingOutcome {}
}
