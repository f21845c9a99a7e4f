package dev.weft.server;

import dev.weft.model.EventDelivery;
import dev.weft.server.events.EventInbox;
import dev.weft.store.ListResult;
import dev.weft.store.Store;
import java.util.Comparator;
import java.util.List;

/**
 * The record of every event: {@code GET /api/v1/event-deliveries/{ns}} (Argo's list shape, newest
 * first, {@code listOptions.labelSelector} honoured), {@code GET .../{ns}/{name}}, and {@code POST
 * .../{ns}/{name}/redeliver}, which dispatches the recorded event again to the bindings that
 * failed, did not match or are new, and answers as the events endpoint does.
 */
final class EventDeliveryHandlers {
  static final String BASE = "/api/v1/event-deliveries/";

  private final Store store;
  private final EventInbox inbox;
  private final EventRecorder events;

  EventDeliveryHandlers(Store store, EventInbox inbox, EventRecorder events) {
    this.store = store;
    this.inbox = inbox;
    this.events = events;
  }

  void register(Router router) {
    router
        .add("GET", BASE.substring(0, BASE.length() - 1), r -> list(r, null)) // every namespace
        .add("GET", BASE + "{namespace}", r -> list(r, r.path("namespace")))
        .add("GET", BASE + "{namespace}/{name}", this::get)
        .add("POST", BASE + "{namespace}/{name}/redeliver", this::redeliver);
  }

  private Object list(Request r, String namespace) {
    ListResult<EventDelivery> result =
        store.listWithVersion(EventDelivery.class, namespace, StoredObjects.labels(r));
    List<EventDelivery> newestFirst =
        result.items().stream()
            .sorted(
                Comparator.comparing(EventDelivery::receivedAtOrEpoch)
                    .reversed()
                    .thenComparing(d -> d.metadata().name()))
            .toList();
    return StoredObjects.list(result, newestFirst);
  }

  private Object get(Request r) {
    return found(r.path("namespace"), r.path("name"));
  }

  private Object redeliver(Request r) {
    String namespace = r.path("namespace");
    if (found(namespace, r.path("name")).pruned()) {
      throw ApiException.failedPrecondition(
          "event delivery \""
              + r.path("name")
              + "\" cannot be redelivered: its payload was pruned (past the history limit)");
    }
    return EventHandlers.answer(r, inbox.redeliver(namespace, r.path("name")), namespace, events);
  }

  private EventDelivery found(String namespace, String name) {
    return store
        .get(EventDelivery.class, namespace, name)
        .orElseThrow(
            () -> ApiException.notFound("eventdeliveries.weft.dev \"" + name + "\" not found"));
  }
}
