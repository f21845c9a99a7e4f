package dev.weft.server.events;

import dev.weft.model.EventDelivery;
import dev.weft.store.LabelSelector;
import dev.weft.store.Store;
import dev.weft.store.StoreException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Keeps a namespace's newest {@link EventHistory#limit()} Dispatched deliveries whole and prunes
 * the older ones; a Pending one is never touched (its event is not dispatched yet). An older one
 * whose dedup key is still inside {@link EventHistory#dedupWindow()} is cut to a stub ({@link
 * EventDelivery#asStub()}) rather than deleted, since deleting it would let a resend run again;
 * without the stub, every keyed event (all of GitHub's) would be kept whole for the window whatever
 * the limit, up to 2 MiB each. Deleting a delivery never deletes its workflows: they have no
 * ownerReference to it.
 */
final class DeliveryPruner {
  private final Store store;
  private final EventHistory history;

  DeliveryPruner(Store store, EventHistory history) {
    this.store = store;
    this.history = history;
  }

  void prune(String namespace, Instant now) {
    List<EventDelivery> settled = new ArrayList<>();
    for (EventDelivery d : store.list(EventDelivery.class, namespace, LabelSelector.everything())) {
      if (!d.statusOrEmpty().pending()) settled.add(d);
    }
    if (settled.size() <= history.limit()) return;
    settled.sort(Comparator.comparing(EventDelivery::receivedAtOrEpoch).reversed());
    Instant windowStart = now.minus(history.dedupWindow());
    for (EventDelivery d : settled.subList(history.limit(), settled.size())) {
      boolean keyNeeded =
          d.spec() != null
              && d.spec().dedupKey() != null
              && !d.receivedAtOrEpoch().isBefore(windowStart);
      try {
        if (!keyNeeded) {
          store.delete(EventDelivery.class, namespace, d.metadata().name());
        } else if (!d.pruned()) {
          store.update(d.asStub());
        }
      } catch (StoreException.NotFound | StoreException.Conflict e) {
        // another request pruned or wrote it meanwhile: the next prune sees it again
      }
    }
  }
}
