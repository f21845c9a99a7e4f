package dev.weft.server.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.status.EventDeliveryStatus;
import dev.weft.model.status.EventDeliveryStatus.BindingResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How dispatches of one delivery that ran at once join without losing what either learned. */
class DeliveryStatusesTest {
  private static final EventDeliveryStatus SUBMITTED_A =
      new EventDeliveryStatus(
          "Dispatched",
          1,
          "t1",
          List.of(new BindingResult("a", "Submitted", null, "a-1")),
          List.of("a-1"));

  @Test
  void aSubmittedBindingStaysSubmittedWhateverALaterDispatchSaw() {
    DispatchResult later =
        new DispatchResult(List.of(new BindingOutcome.Failed("a", "failed to create workflow")));

    EventDeliveryStatus joined = DeliveryStatuses.join(SUBMITTED_A, later, "t2");

    assertThat(joined.bindings()).containsExactly(new BindingResult("a", "Submitted", null, "a-1"));
    assertThat(joined.workflows()).containsExactly("a-1");
    assertThat(joined.attempts()).isEqualTo(2);
    assertThat(joined.dispatchedAt()).isEqualTo("t2");
  }

  @Test
  void aBindingThatFailedTakesTheNewOutcomeAndWorkflowsAccumulateSorted() {
    EventDeliveryStatus failedB =
        new EventDeliveryStatus(
            "Dispatched",
            1,
            "t1",
            List.of(
                new BindingResult("a", "Submitted", null, "a-1"),
                new BindingResult("b", "Failed", "no template", null)),
            List.of("a-1"));

    EventDeliveryStatus joined =
        DeliveryStatuses.join(
            failedB, new DispatchResult(List.of(new BindingOutcome.Submitted("b", "b-0"))), "t2");

    assertThat(joined.bindings())
        .extracting(BindingResult::result)
        .containsExactly("Submitted", "Submitted");
    assertThat(joined.workflows()).containsExactly("a-1", "b-0");
    assertThat(DeliveryStatuses.settled(joined)).containsExactly("a", "b");
  }

  @Test
  void aBindingThatDidNotMatchAndIsGoneSinceIsNoLongerListed() {
    EventDeliveryStatus notMatchedC =
        new EventDeliveryStatus(
            "Dispatched",
            1,
            "t1",
            List.of(new BindingResult("c", "NotMatched", "false", null)),
            List.of());

    EventDeliveryStatus joined =
        DeliveryStatuses.join(notMatchedC, new DispatchResult(List.of()), "t2");

    assertThat(joined.bindings()).isEmpty();
    assertThat(DeliveryStatuses.settled(notMatchedC)).isEmpty();
  }
}
