package dev.weft.controller.workflow;

import dev.weft.engine.event.Event;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * Events for each workflow that its next reconcile must see. A reconcile that fails to save puts
 * its events back, so a step result is never lost between reconciles.
 */
public final class Inbox {
  private final Map<WorkflowKey, ConcurrentLinkedDeque<Event>> events = new ConcurrentHashMap<>();

  public void add(WorkflowKey key, Event event) {
    events.computeIfAbsent(key, k -> new ConcurrentLinkedDeque<>()).addLast(event);
  }

  public List<Event> drain(WorkflowKey key) {
    List<Event> out = new ArrayList<>();
    var q = events.get(key);
    if (q == null) return out;
    Event e;
    while ((e = q.pollFirst()) != null) out.add(e);
    return out;
  }

  public void putBack(WorkflowKey key, List<Event> drained) {
    var q = events.computeIfAbsent(key, k -> new ConcurrentLinkedDeque<>());
    for (int i = drained.size() - 1; i >= 0; i--) q.addFirst(drained.get(i));
  }

  public void forget(WorkflowKey key) {
    events.remove(key);
  }
}
