package dev.weft.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.model.Workflow;
import dev.weft.store.LabelSelector;
import dev.weft.store.ListResult;
import dev.weft.store.Store;
import dev.weft.store.Watch;
import dev.weft.store.WatchEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;

/**
 * Records the Kubernetes Events Argo's controller would for every workflow change the store's watch
 * shows ({@link WorkflowEvents}), from the server's start: keeps the latest {@link #KEPT} (a
 * Kubernetes cluster keeps an hour's) and hands new ones to the streams listening. Argo's server
 * records one more kind: a WorkflowEventBinding's dispatch error ({@link BindingEvents}).
 */
final class EventRecorder {
  static final int KEPT = 2000;

  private final Map<String, Workflow> lastSeen = new HashMap<>();
  private final Deque<ObjectNode> recent = new ArrayDeque<>();
  private final Set<BlockingQueue<ObjectNode>> listeners = new CopyOnWriteArraySet<>();
  private final Clock clock;
  private final BooleanSupplier closing;
  private long sequence;
  private Watch watch;

  private EventRecorder(Clock clock, BooleanSupplier closing) {
    this.clock = clock;
    this.closing = closing;
  }

  /** Starts recording; the watch ends with the first change after {@code closing} holds. */
  static EventRecorder start(Store store, BooleanSupplier closing) {
    EventRecorder recorder = new EventRecorder(Clock.systemUTC(), closing);
    ListResult<Workflow> now =
        store.listWithVersion(Workflow.class, null, LabelSelector.everything());
    synchronized (recorder) {
      for (Workflow wf : now.items()) recorder.lastSeen.put(key(wf), wf);
      recorder.watch = store.watch(Workflow.class, null, now.resourceVersion(), recorder::onChange);
    }
    return recorder;
  }

  private static String key(Workflow wf) {
    return wf.metadata().namespaceOrDefault() + "/" + wf.metadata().name();
  }

  private synchronized void onChange(WatchEvent e) {
    if (closing.getAsBoolean()) {
      watch.close();
      return;
    }
    if (!(e.object() instanceof Workflow wf)) return;
    if (e.type() == WatchEvent.Type.DELETED) {
      lastSeen.remove(key(wf));
      return;
    }
    Workflow before = lastSeen.put(key(wf), wf);
    // a workflow deleted and made again under the same name starts afresh
    if (before != null && !Objects.equals(before.metadata().uid(), wf.metadata().uid())) {
      before = null;
    }
    for (WorkflowEvents.Derived d : WorkflowEvents.between(before, wf)) {
      keep(WorkflowEvents.toKubernetes(d, wf, ++sequence, clock.instant()));
    }
  }

  /**
   * Keeps an event that is not a workflow's (a WorkflowEventBinding's error), made by {@code make}
   * from its number in the same sequence and the time.
   */
  synchronized void record(BiFunction<Long, Instant, ObjectNode> make) {
    keep(make.apply(++sequence, clock.instant()));
  }

  private void keep(ObjectNode event) {
    recent.addLast(event);
    if (recent.size() > KEPT) recent.removeFirst();
    for (BlockingQueue<ObjectNode> listener : listeners) listener.add(event);
  }

  /** The events kept so far; from now on new ones also go to {@code listener}. */
  synchronized List<ObjectNode> subscribe(BlockingQueue<ObjectNode> listener) {
    listeners.add(listener);
    return new ArrayList<>(recent);
  }

  void unsubscribe(BlockingQueue<ObjectNode> listener) {
    listeners.remove(listener);
  }
}
