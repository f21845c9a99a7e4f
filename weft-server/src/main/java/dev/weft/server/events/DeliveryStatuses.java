package dev.weft.server.events;

import dev.weft.model.status.EventDeliveryStatus;
import dev.weft.model.status.EventDeliveryStatus.BindingResult;
import java.util.ArrayList;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * How one dispatch's outcomes join a delivery's status. Dispatches of one delivery may run at once
 * (a duplicate while the first is under way, a restart's recovery) and each writes what it saw over
 * the latest status, so the join never loses what another learned: a Submitted binding stays
 * Submitted, and the workflows only grow.
 */
final class DeliveryStatuses {
  private DeliveryStatuses() {}

  /**
   * The bindings a new dispatch must leave alone: those that submitted or had nothing to submit.
   */
  static Set<String> settled(EventDeliveryStatus status) {
    Set<String> settled = new TreeSet<>();
    for (BindingResult b : status.bindingsOrEmpty()) {
      if (!b.worthRetrying()) settled.add(b.name());
    }
    return settled;
  }

  static EventDeliveryStatus join(EventDeliveryStatus latest, DispatchResult result, String now) {
    Map<String, BindingResult> bindings = new TreeMap<>();
    for (BindingResult b : latest.bindingsOrEmpty()) {
      if (!b.worthRetrying()) bindings.put(b.name(), b);
    }
    for (BindingOutcome outcome : result.outcomes()) {
      BindingResult known = bindings.get(outcome.binding());
      if (known == null || known.worthRetrying()) bindings.put(outcome.binding(), of(outcome));
    }
    Set<String> workflows = new TreeSet<>(latest.workflowsOrEmpty());
    workflows.addAll(result.workflows());
    return new EventDeliveryStatus(
        EventDeliveryStatus.DISPATCHED_PHASE,
        latest.attemptsOrZero() + 1,
        now,
        new ArrayList<>(bindings.values()),
        new ArrayList<>(workflows));
  }

  static BindingResult of(BindingOutcome outcome) {
    return switch (outcome) {
      case BindingOutcome.Submitted s ->
          new BindingResult(s.binding(), BindingResult.SUBMITTED, null, s.workflow());
      case BindingOutcome.NotMatched n ->
          new BindingResult(n.binding(), BindingResult.NOT_MATCHED, n.selector(), null);
      case BindingOutcome.MatchedWithoutSubmit m ->
          new BindingResult(m.binding(), BindingResult.MATCHED_WITHOUT_SUBMIT, null, null);
      case BindingOutcome.Failed f ->
          new BindingResult(f.binding(), BindingResult.FAILED, f.message(), null);
    };
  }
}
