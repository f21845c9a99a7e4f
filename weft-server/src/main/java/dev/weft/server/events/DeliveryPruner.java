package dev.weft.server.events;

import dev.weft.model.EventDelivery;
import dev.weft.store.LabelSelector;
import dev.weft.store.Store;
import dev.weft.store.StoreException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Keeps a namespace's deliveries within {@link EventHistory#limit()}: the oldest Dispatched ones go
 * first; a Pending one is never deleted (its event is not dispatched yet), nor one whose dedup key
 * is still inside {@link EventHistory#dedupWindow()} (deleting it would let a resend run again).
 * Deleting a delivery never deletes its workflows: they have no ownerReference to it.
 */
final class DeliveryPruner {
  private final Store store;
  private final EventHistory history;

  DeliveryPruner(Store store, EventHistory history) {
    this.store = store;
    this.history = history;
  }

  void prune(String namespace, Instant now) {
    List<EventDelivery> all =
        store.list(EventDelivery.class, namespace, LabelSelector.everything());
    int excess = all.size() - history.limit();
    if (excess <= 0) return;
    Instant windowStart = now.minus(history.dedupWindow());
    List<EventDelivery> deletable = new ArrayList<>();
    for (EventDelivery d : all) {
      if (d.statusOrEmpty().pending()) continue;
      if (d.spec() != null && d.spec().dedupKey() != null && !receivedAt(d).isBefore(windowStart)) {
        continue;
      }
      deletable.add(d);
    }
    deletable.sort(Comparator.comparing(DeliveryPruner::receivedAt));
    for (EventDelivery d : deletable.subList(0, Math.min(excess, deletable.size()))) {
      try {
        store.delete(EventDelivery.class, namespace, d.metadata().name());
      } catch (StoreException.NotFound e) {
        // another request's pruning got there first
      }
    }
  }

  /** When it was received; an unreadable time counts as the oldest, so it goes first. */
  static Instant receivedAt(EventDelivery d) {
    try {
      return Instant.parse(d.spec().receivedAt());
    } catch (DateTimeParseException | NullPointerException e) {
      return Instant.EPOCH;
    }
  }
}
