package dev.weft.controller.workflow;

import dev.weft.controller.pod.PodLauncher;
import dev.weft.engine.Engine;
import dev.weft.engine.Library;
import dev.weft.engine.Reconciliation;
import dev.weft.engine.action.Action;
import dev.weft.engine.event.Event;
import dev.weft.engine.run.EffectiveSpec;
import dev.weft.engine.template.EngineError;
import dev.weft.model.Workflow;
import dev.weft.model.spec.WorkflowSpec;
import dev.weft.runtime.Reconciler;
import dev.weft.runtime.Result;
import dev.weft.store.Store;
import dev.weft.store.StoreException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The Workflow controller: reads a workflow, lets the engine decide, saves the new status, then
 * carries out the engine's actions. Saving comes first, so a pod is only ever started for a node
 * the store already knows.
 */
public final class WorkflowReconciler implements Reconciler<WorkflowKey> {
  private final Store store;
  private final Engine engine;
  private final PodLauncher pods;
  private final Inbox inbox;
  private final LibraryLoader libraries;
  private final MemoCache memos;
  private final Clock clock;
  private final Consumer<WorkflowKey> enqueue;

  public WorkflowReconciler(
      Store store,
      Engine engine,
      PodLauncher pods,
      Inbox inbox,
      Clock clock,
      Consumer<WorkflowKey> enqueue) {
    this.store = store;
    this.engine = engine;
    this.pods = pods;
    this.inbox = inbox;
    this.libraries = new LibraryLoader(store);
    this.memos = new MemoCache(store);
    this.clock = clock;
    this.enqueue = enqueue;
  }

  /** Records an event for a workflow and wakes its controller. */
  public void report(WorkflowKey key, Event event) {
    inbox.add(key, event);
    enqueue.accept(key);
  }

  @Override
  public Result reconcile(WorkflowKey key) {
    Optional<Workflow> found = store.get(Workflow.class, key.namespace(), key.name());
    if (found.isEmpty()) {
      inbox.forget(key);
      return Result.done();
    }
    Workflow wf = found.get();
    if (wf.status() != null && wf.status().phase() != null && wf.status().phase().completed()) {
      return Result.done();
    }
    List<Event> events = inbox.drain(key);
    Library lib = libraries.load(key.namespace());
    Reconciliation r = engine.reconcile(wf, lib, events, clock.instant());
    Workflow saved;
    try {
      saved = store.updateStatus(wf.withStatus(r.status()));
    } catch (StoreException.Conflict e) {
      inbox.putBack(key, events);
      return Result.requeue();
    }
    act(key, saved, lib, r.actions());
    if (r.completed()) return Result.done();
    return r.wakeAt()
        .map(at -> Result.requeueAfter(max0(Duration.between(clock.instant(), at))))
        .orElse(Result.done());
  }

  private void act(WorkflowKey key, Workflow wf, Library lib, List<Action> actions) {
    WorkflowSpec spec;
    try {
      spec = EffectiveSpec.of(wf.spec(), lib);
    } catch (EngineError e) {
      spec = wf.spec();
    }
    for (Action a : actions) {
      switch (a) {
        case Action.RunPod run -> pods.start(wf, spec, lib, run, (w, ev) -> report(key, ev));
        case Action.KillPod kill -> pods.kill(kill.nodeId(), kill.reason());
        case Action.SaveMemo memo -> memos.save(key.namespace(), memo);
      }
    }
  }

  private static Duration max0(Duration d) {
    return d.isNegative() ? Duration.ZERO : d;
  }
}
