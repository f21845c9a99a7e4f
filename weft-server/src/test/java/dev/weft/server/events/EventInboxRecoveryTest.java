package dev.weft.server.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.EventDelivery;
import dev.weft.model.Workflow;
import dev.weft.model.WorkflowEventBinding;
import dev.weft.model.WorkflowTemplate;
import dev.weft.model.codec.Codec;
import dev.weft.store.InMemoryStore;
import dev.weft.store.LabelSelector;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a restart finds after a crash, set up as the crash leaves it: a delivery committed Pending,
 * with or without the workflow its dispatch had already created. Recovery dispatches it, and a
 * workflow that exists with the delivery's label is counted, not created again.
 */
class EventInboxRecoveryTest {
  private final InMemoryStore store = new InMemoryStore();
  private final EventInbox inbox =
      new EventInbox(store, store::create, EventHistory.DEFAULT, Clock.systemUTC());

  @BeforeEach
  void binding() throws IOException {
    store.create(
        Codec.yaml()
            .readValue(
                "{metadata: {name: build, namespace: argo}, spec: {entrypoint: main}}",
                WorkflowTemplate.class));
    store.create(
        Codec.yaml()
            .readValue(
                """
                metadata: {name: on-push, namespace: argo}
                spec:
                  event: {selector: 'payload.ref == "main"'}
                  submit: {workflowTemplateRef: {name: build}}
                """,
                WorkflowEventBinding.class));
  }

  private String commitPending() {
    EventDelivery pending =
        Codec.convert(
            Codec.json()
                .createObjectNode()
                .set(
                    "metadata",
                    Codec.tree(
                        Map.of(
                            "name", "ev-00000000000000000001",
                            "namespace", "argo",
                            "labels", Map.of(EventDelivery.PHASE_LABEL, "Pending")))),
            EventDelivery.class);
    return store
        .create(
            new EventDelivery(
                null,
                null,
                pending.metadata(),
                new dev.weft.model.spec.EventDeliverySpec(
                    "",
                    null,
                    null,
                    "2024-05-01T10:00:00Z",
                    Codec.tree(Map.of("ref", "main")),
                    Map.of()),
                dev.weft.model.status.EventDeliveryStatus.PENDING))
        .metadata()
        .name();
  }

  private List<Workflow> workflows() {
    return store.list(Workflow.class, "argo", LabelSelector.everything());
  }

  @Test
  void aDeliveryLeftPendingIsDispatchedByRecovery() {
    String name = commitPending();

    assertThat(inbox.recoverPending(null)).isEqualTo(1);

    EventDelivery d = store.get(EventDelivery.class, "argo", name).orElseThrow();
    assertThat(d.statusOrEmpty().phase()).isEqualTo("Dispatched");
    assertThat(d.metadata().labels()).containsEntry(EventDelivery.PHASE_LABEL, "Dispatched");
    assertThat(workflows())
        .singleElement()
        .satisfies(wf -> assertThat(wf.name()).isEqualTo(DeliveryNames.workflow(name, "on-push")));
    assertThat(inbox.recoverPending(null)).isZero();
  }

  @Test
  void aSweepWhileServingLeavesADeliveryReceivedSinceItsCutoffToItsRequest() {
    commitPending(); // received at 2024-05-01T10:00:00Z

    assertThat(inbox.recoverPending(null, java.time.Instant.parse("2024-05-01T10:00:00Z")))
        .isZero();
    assertThat(workflows()).isEmpty();

    assertThat(inbox.recoverPending(null, java.time.Instant.parse("2024-05-01T10:00:01Z")))
        .isEqualTo(1);
    assertThat(workflows()).hasSize(1);
  }

  @Test
  void theSweepDispatchesWhatAFailedDispatchLeftPendingOnceItIsAMinuteOld() {
    commitPending(); // received at 2024-05-01T10:00:00Z
    java.util.concurrent.atomic.AtomicBoolean closing =
        new java.util.concurrent.atomic.AtomicBoolean();

    PendingEventSweep early =
        new PendingEventSweep(
            inbox,
            null,
            closing,
            Clock.fixed(java.time.Instant.parse("2024-05-01T10:00:30Z"), java.time.ZoneOffset.UTC));
    PendingEventSweep later =
        new PendingEventSweep(
            inbox,
            null,
            closing,
            Clock.fixed(java.time.Instant.parse("2024-05-01T10:01:01Z"), java.time.ZoneOffset.UTC));

    assertThat(early.sweep(false)).isZero();
    assertThat(later.sweep(false)).isEqualTo(1);
    assertThat(workflows()).hasSize(1);
  }

  @Test
  void aWorkflowCreatedBeforeTheCrashIsRecordedNotCreatedAgain() {
    String name = commitPending();
    String workflow = DeliveryNames.workflow(name, "on-push");
    store.create(
        Codec.convert(
            Codec.tree(
                Map.of(
                    "metadata",
                    Map.of(
                        "name",
                        workflow,
                        "namespace",
                        "argo",
                        "labels",
                        Map.of(
                            DeliveryNames.DELIVERY_LABEL,
                            name,
                            BindingWorkflow.BINDING_LABEL,
                            "on-push")))),
            Workflow.class));

    inbox.recoverPending(null);

    assertThat(workflows()).hasSize(1);
    EventDelivery d = store.get(EventDelivery.class, "argo", name).orElseThrow();
    assertThat(d.statusOrEmpty().workflows()).containsExactly(workflow);
    assertThat(d.statusOrEmpty().bindingsOrEmpty().get(0).result()).isEqualTo("Submitted");
  }

  @Test
  void aWorkflowOfThatNameFromElsewhereFailsTheBindingInsteadOfCountingAsSubmitted() {
    String name = commitPending();
    store.create(
        Codec.convert(
            Codec.tree(
                Map.of(
                    "metadata",
                    Map.of("name", DeliveryNames.workflow(name, "on-push"), "namespace", "argo"))),
            Workflow.class));

    inbox.recoverPending(null);

    EventDelivery d = store.get(EventDelivery.class, "argo", name).orElseThrow();
    assertThat(d.statusOrEmpty().bindingsOrEmpty().get(0).result()).isEqualTo("Failed");
    assertThat(d.statusOrEmpty().workflowsOrEmpty()).isEmpty();
    assertThat(Optional.of(workflows().size())).contains(1);
  }

  @Test
  void aSweepOfAClosedStoreIsLoggedNotThrown(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
    dev.weft.store.JdbcStore closed = dev.weft.store.Stores.open(dir.resolve("w.db").toString());
    closed.close();
    EventInbox over =
        new EventInbox(closed, closed::create, EventHistory.DEFAULT, Clock.systemUTC());

    PendingEventSweep sweep =
        new PendingEventSweep(over, null, new java.util.concurrent.atomic.AtomicBoolean());

    assertThat(sweep.sweep(true)).isZero();
    assertThat(sweep.sweep(false)).isZero();
  }

  @Test
  void aSweepOfTheManagedNamespaceLeavesAnotherNamespacesDeliveries() {
    commitPending(); // in argo

    assertThat(
            new PendingEventSweep(inbox, "other", new java.util.concurrent.atomic.AtomicBoolean())
                .sweep(true))
        .isZero();
    assertThat(workflows()).isEmpty();
  }

  /** The sweep waits a minute between passes: ending within 20 s means the close woke it. */
  @Test
  void theSweepEndsWhenTheServerClosesWhileItWaits() throws Exception {
    java.util.concurrent.atomic.AtomicBoolean closing =
        new java.util.concurrent.atomic.AtomicBoolean();
    Thread sweep = Thread.ofVirtual().start(new PendingEventSweep(inbox, null, closing));
    Thread.sleep(200);

    closing.set(true);
    sweep.interrupt();

    assertThat(sweep.join(java.time.Duration.ofSeconds(20))).isTrue();
  }

  @Test
  void aCloseDuringADispatchLetsItFinishThenEndsTheSweep() throws Exception {
    String name = commitPending();
    java.util.concurrent.atomic.AtomicBoolean closing =
        new java.util.concurrent.atomic.AtomicBoolean();
    EventInbox interrupted =
        new EventInbox(
            store,
            wf -> {
              closing.set(true); // the server closes while the workflow is being created
              Thread.currentThread().interrupt();
              return store.create(wf);
            },
            EventHistory.DEFAULT,
            Clock.systemUTC());
    Thread sweep = Thread.ofVirtual().start(new PendingEventSweep(interrupted, null, closing));

    assertThat(sweep.join(java.time.Duration.ofSeconds(20))).isTrue();
    assertThat(workflows()).hasSize(1);
    assertThat(store.get(EventDelivery.class, "argo", name).orElseThrow().statusOrEmpty().phase())
        .isEqualTo("Dispatched");
  }
}
