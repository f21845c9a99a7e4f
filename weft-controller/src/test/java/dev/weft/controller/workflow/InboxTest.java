package dev.weft.controller.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.engine.event.Event;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InboxTest {
  private final Inbox inbox = new Inbox();
  private final WorkflowKey key = new WorkflowKey("default", "wf");

  @Test
  void anEventAboutAnEarlierWorkflowOfTheSameNameIsDropped() {
    inbox.add(key, "old-uid", new Event.PodStarted("n1", Instant.EPOCH));
    inbox.add(key, "new-uid", new Event.PodStarted("n2", Instant.EPOCH));

    assertThat(inbox.drain(key, "new-uid"))
        .containsExactly(new Event.PodStarted("n2", Instant.EPOCH));
  }

  @Test
  void anEventWithoutAUidReachesWhateverWorkflowHasTheName() {
    inbox.add(key, new Event.Resume(null, Map.of()));

    assertThat(inbox.drain(key, "any-uid")).containsExactly(new Event.Resume(null, Map.of()));
  }

  @Test
  void putBackEventsComeFirstNextTime() {
    inbox.add(key, "u", new Event.PodStarted("later", Instant.EPOCH));
    inbox.putBack(key, "u", List.of(new Event.PodStarted("first", Instant.EPOCH)));

    assertThat(inbox.drain(key, "u"))
        .extracting(e -> ((Event.PodStarted) e).nodeId())
        .containsExactly("first", "later");
  }
}
