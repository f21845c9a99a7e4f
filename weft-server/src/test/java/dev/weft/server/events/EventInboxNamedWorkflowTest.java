package dev.weft.server.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.WorkflowEventBinding;
import dev.weft.model.WorkflowTemplate;
import dev.weft.model.codec.Codec;
import dev.weft.store.InMemoryStore;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A binding's {@code submit.metadata.name} fixes its workflow's name, as Argo honours it: another
 * binding's workflow of that name, though started by the same delivery, is not this binding's.
 */
class EventInboxNamedWorkflowTest {
  private final InMemoryStore store = new InMemoryStore();
  private final EventInbox inbox =
      new EventInbox(store, store::create, EventHistory.DEFAULT, Clock.systemUTC());

  private void binding(String name) throws IOException {
    store.create(
        Codec.yaml()
            .readValue(
                """
                metadata: {name: %s, namespace: argo}
                spec:
                  event: {selector: 'true'}
                  submit:
                    workflowTemplateRef: {name: build}
                    metadata: {name: '"release"'}
                """
                    .formatted(name),
                WorkflowEventBinding.class));
  }

  @Test
  void aSecondBindingNamingTheSameWorkflowFailsInsteadOfClaimingTheFirstOnes() throws IOException {
    store.create(
        Codec.yaml()
            .readValue(
                "{metadata: {name: build, namespace: argo}, spec: {entrypoint: main}}",
                WorkflowTemplate.class));
    binding("first");
    binding("second");

    EventInbox.Receipt receipt =
        inbox.receive(
            new EventInbox.Arrival(
                "argo", "", null, Optional.empty(), Codec.tree(Map.of()), Map.of()));

    assertThat(receipt.result().outcomes().get(0))
        .isEqualTo(new BindingOutcome.Submitted("first", "release"));
    assertThat(receipt.result().outcomes().get(1)).isInstanceOf(BindingOutcome.Failed.class);
  }
}
