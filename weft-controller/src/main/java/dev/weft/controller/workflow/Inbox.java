package dev.weft.controller.workflow;

import dev.weft.engine.event.Event;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * Events for each workflow that its next reconcile must see. A reconcile that fails to save puts
 * its events back, so a step result is never lost between reconciles. An event may name the uid of
 * the workflow it is about: a pod of a deleted workflow that ends after a new one took its name
 * must not reach the new one, whose nodes have the same ids.
 */
public final class Inbox {
  private record Entry(String uid, Event event) {}

  private final Map<WorkflowKey, ConcurrentLinkedDeque<Entry>> events = new ConcurrentHashMap<>();

  /** An event for whatever workflow has this key now. */
  public void add(WorkflowKey key, Event event) {
    add(key, null, event);
  }

  /** An event for the workflow with this key and uid only. */
  public void add(WorkflowKey key, String uid, Event event) {
    events.computeIfAbsent(key, k -> new ConcurrentLinkedDeque<>()).addLast(new Entry(uid, event));
  }

  /** The events for the workflow with this uid; those for another workflow are dropped. */
  public List<Event> drain(WorkflowKey key, String uid) {
    List<Event> out = new ArrayList<>();
    var q = events.get(key);
    if (q == null) return out;
    Entry e;
    while ((e = q.pollFirst()) != null) {
      if (e.uid() == null || Objects.equals(e.uid(), uid)) out.add(e.event());
    }
    return out;
  }

  /** Puts drained events back in front, for the same workflow. */
  public void putBack(WorkflowKey key, String uid, List<Event> drained) {
    var q = events.computeIfAbsent(key, k -> new ConcurrentLinkedDeque<>());
    for (int i = drained.size() - 1; i >= 0; i--) q.addFirst(new Entry(uid, drained.get(i)));
  }

  public void forget(WorkflowKey key) {
    events.remove(key);
  }
}
