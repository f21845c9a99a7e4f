package dev.weft.server.events;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.expr.ExprException;
import dev.weft.expr.GoJson;
import dev.weft.model.EventDelivery;
import dev.weft.model.ObjectMeta;
import dev.weft.model.Workflow;
import dev.weft.model.spec.EventDeliverySpec;
import dev.weft.model.status.EventDeliveryStatus;
import dev.weft.store.LabelSelector;
import dev.weft.store.ObjectKey;
import dev.weft.store.ResourceKind;
import dev.weft.store.Store;
import dev.weft.store.StoreException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The durable inbox: an accepted event is committed as a Pending {@link EventDelivery} before any
 * workflow is created, then dispatched with every workflow's name fixed in advance ({@link
 * DeliveryNames#workflow}), then its outcomes are recorded and it is Dispatched. Each step is safe
 * to repeat, which is what makes an event start each matching binding's workflow exactly once
 * whatever is resent, run at once or cut short by a crash: a resend finds the delivery by name and
 * dispatches again, leaving alone what already submitted; a workflow that exists with this
 * delivery's label counts as submitted; a restart dispatches every delivery left Pending.
 */
public final class EventInbox {
  private static final Logger LOG = Logger.getLogger(EventInbox.class.getName());
  private static final int STATUS_WRITE_ATTEMPTS = 50;

  /**
   * A dedup key sent again with another payload: not a resend of the recorded event, and not one to
   * answer as if its payload had been handled (the recorded one would be dispatched instead).
   */
  public static final class KeyReused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    KeyReused(String delivery) {
      super(
          "the Idempotency-Key or X-GitHub-Delivery was already used for another payload (event"
              + " delivery "
              + delivery
              + ")");
    }
  }

  /** What the sender is told: the delivery, every workflow it started, and this dispatch. */
  public record Receipt(String delivery, List<String> workflows, DispatchResult result) {}

  /** An accepted event, before it is recorded. */
  public record Arrival(
      String namespace,
      String discriminator,
      String client,
      Optional<String> dedupKey,
      JsonNode payload,
      Map<String, List<String>> metadata) {}

  private final Store store;
  private final EventDispatcher dispatcher;
  private final EventDispatcher.Submitter create;
  private final DeliveryPruner pruner;
  private final Clock clock;

  public EventInbox(
      Store store, EventDispatcher.Submitter create, EventHistory history, Clock clock) {
    this.store = store;
    this.create = create;
    this.dispatcher = new EventDispatcher(store, create);
    this.pruner = new DeliveryPruner(store, history);
    this.clock = clock;
  }

  /** Records the event (or finds it, if its dedup key was seen), dispatches it and says so. */
  public Receipt receive(Arrival arrival) {
    String name = DeliveryNames.delivery(arrival.dedupKey());
    Map<String, String> labels = new HashMap<>();
    labels.put(EventDelivery.PHASE_LABEL, EventDeliveryStatus.PENDING_PHASE);
    ObjectMeta meta = ObjectMeta.named(name).withNamespace(arrival.namespace()).withLabels(labels);
    EventDelivery pending =
        new EventDelivery(
            EventDelivery.API_VERSION,
            EventDelivery.KIND,
            meta,
            new EventDeliverySpec(
                arrival.discriminator(),
                arrival.client(),
                arrival.dedupKey().orElse(null),
                now(),
                arrival.payload(),
                arrival.metadata()),
            EventDeliveryStatus.PENDING);
    return dispatch(commit(pending));
  }

  /** The delivery as stored: this one, just committed, or the one the same event made before. */
  private EventDelivery commit(EventDelivery pending) {
    String namespace = pending.metadata().namespace();
    String name = pending.metadata().name();
    for (int attempt = 1; ; attempt++) {
      try {
        EventDelivery created = store.create(pending);
        CrashSeam.AFTER_INBOX_COMMIT.reached();
        return created;
      } catch (StoreException.AlreadyExists e) {
        // the same event again: its delivery decides what is left to do
        Optional<EventDelivery> found = store.get(EventDelivery.class, namespace, name);
        if (found.isPresent()) {
          if (!found.get().pruned() && !samePayload(found.get(), pending)) {
            throw new KeyReused(name);
          }
          return found.get();
        }
        if (attempt >= 3) throw e; // pruned between the two calls, each time
      }
    }
  }

  /** Compared as bindings see payloads, so a resend formatted otherwise is the same event. */
  private static boolean samePayload(EventDelivery recorded, EventDelivery resent) {
    return java.util.Objects.equals(event(recorded).payload(), event(resent).payload());
  }

  /** Dispatches a recorded delivery again: bindings that failed, did not match, or are new. */
  public Receipt redeliver(String namespace, String name) {
    return dispatch(find(namespace, name));
  }

  /**
   * Dispatches every delivery a crash left Pending in {@code namespace} (null: all, which a server
   * allowed only one namespace could not list); returns how many.
   */
  public int recoverPending(String namespace) {
    return recoverPending(namespace, Instant.MAX);
  }

  /**
   * Dispatches the deliveries in {@code namespace} (null: all) still Pending that were received
   * before {@code receivedBefore}: left so by a dispatch that failed midway (the store refused a
   * write), not only by a crash. Younger ones may be a request still being answered; dispatching
   * one twice at once is safe all the same (fixed workflow names, merged outcomes).
   */
  public int recoverPending(String namespace, Instant receivedBefore) {
    List<EventDelivery> pending =
        store.list(
            EventDelivery.class,
            namespace,
            LabelSelector.matchingLabels(
                Map.of(EventDelivery.PHASE_LABEL, EventDeliveryStatus.PENDING_PHASE)));
    int recovered = 0;
    for (EventDelivery d : pending) {
      if (!d.receivedAtOrEpoch().isBefore(receivedBefore)) continue;
      try {
        dispatch(d);
        recovered++;
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "could not dispatch pending event delivery " + d.metadata(), e);
      }
    }
    return recovered;
  }

  private EventDelivery find(String namespace, String name) {
    return store
        .get(EventDelivery.class, namespace, name)
        .orElseThrow(
            () ->
                new StoreException.NotFound(
                    ObjectKey.of(ResourceKind.EVENT_DELIVERY, namespace, name)));
  }

  private Receipt dispatch(EventDelivery delivery) {
    String name = delivery.metadata().name();
    if (delivery.pruned()) {
      // its payload is gone: what it did stands, and there is nothing to evaluate again
      return new Receipt(
          name, delivery.statusOrEmpty().workflowsOrEmpty(), new DispatchResult(List.of()));
    }
    DispatchResult result =
        dispatcher.dispatch(
            event(delivery),
            DeliveryStatuses.settled(delivery.statusOrEmpty()),
            wf -> submit(wf, name));
    EventDelivery recorded = record(delivery, result);
    pruner.prune(delivery.metadata().namespaceOrDefault(), clock.instant());
    return new Receipt(name, recorded.statusOrEmpty().workflowsOrEmpty(), result);
  }

  /** The event as bindings see it, rebuilt from what was recorded. */
  static IncomingEvent event(EventDelivery delivery) {
    EventDeliverySpec spec = delivery.spec();
    JsonNode payload = spec.payload();
    Object value;
    try {
      value = payload == null || payload.isNull() ? null : GoJson.parse(payload.toString());
    } catch (ExprException e) {
      throw new IllegalStateException("recorded payload is not JSON: " + e.getMessage(), e);
    }
    return new IncomingEvent(
        delivery.metadata().namespaceOrDefault(),
        spec.discriminatorOrEmpty(),
        value,
        spec.metadataOrEmpty());
  }

  /**
   * Creates the binding's workflow under its fixed name, labelled with the delivery. If it exists
   * with that delivery's and binding's labels, an earlier dispatch of this delivery made it for
   * this binding: that counts as submitted.
   */
  private Workflow submit(Workflow wf, String delivery) {
    ObjectMeta meta = wf.metadata();
    String binding = meta.labelsOrEmpty().get(BindingWorkflow.BINDING_LABEL);
    String fixed =
        meta.name() != null && !meta.name().isEmpty()
            ? meta.name() // the binding's submit.metadata.name, as Argo honours it
            : DeliveryNames.workflow(delivery, binding);
    Map<String, String> labels = new HashMap<>(meta.labelsOrEmpty());
    labels.put(DeliveryNames.DELIVERY_LABEL, delivery);
    Workflow named = wf.withMetadata(meta.withName(fixed).withLabels(labels));
    try {
      Workflow created = create.submit(named);
      CrashSeam.AFTER_WORKFLOW_CREATE.reached();
      return created;
    } catch (StoreException.AlreadyExists e) {
      // ours only if this delivery made it for this binding: two bindings may fix the same name
      Optional<Workflow> existing = store.get(Workflow.class, meta.namespace(), fixed);
      Map<String, String> found = existing.map(w -> w.metadata().labelsOrEmpty()).orElse(Map.of());
      if (delivery.equals(found.get(DeliveryNames.DELIVERY_LABEL))
          && binding != null
          && binding.equals(found.get(BindingWorkflow.BINDING_LABEL))) {
        return existing.get();
      }
      throw e;
    }
  }

  /** Joins the outcomes into the latest status, retrying over concurrent writers. */
  private EventDelivery record(EventDelivery read, DispatchResult result) {
    EventDelivery latest = read;
    for (int attempt = 1; ; attempt++) {
      EventDeliveryStatus status = DeliveryStatuses.join(latest.statusOrEmpty(), result, now());
      Map<String, String> labels = new HashMap<>(latest.metadata().labelsOrEmpty());
      labels.put(EventDelivery.PHASE_LABEL, status.phase());
      try {
        return store.update(
            latest.withMetadata(latest.metadata().withLabels(labels)).withStatus(status));
      } catch (StoreException.Conflict e) {
        if (attempt >= STATUS_WRITE_ATTEMPTS) throw e;
        latest = find(read.metadata().namespaceOrDefault(), read.metadata().name());
      }
    }
  }

  private String now() {
    return DateTimeFormatter.ISO_INSTANT.format(clock.instant().truncatedTo(ChronoUnit.MILLIS));
  }
}
