package dev.weft.controller.workflow;

import dev.weft.controller.pod.PodLauncher;
import dev.weft.controller.retention.Retention;
import dev.weft.engine.Engine;
import dev.weft.engine.Library;
import dev.weft.engine.Reconciliation;
import dev.weft.engine.action.Action;
import dev.weft.engine.event.Event;
import dev.weft.engine.run.EffectiveSpec;
import dev.weft.engine.template.EngineError;
import dev.weft.model.Workflow;
import dev.weft.model.spec.WorkflowSpec;
import dev.weft.model.status.WorkflowStatus;
import dev.weft.runtime.Reconciler;
import dev.weft.runtime.Result;
import dev.weft.store.Store;
import dev.weft.store.StoreException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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

  /** Records an event about the workflow with this uid only, and wakes its controller. */
  public void report(WorkflowKey key, String uid, Event event) {
    inbox.add(key, uid, event);
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
    if (wf.completed()) {
      if (inbox.drain(key, uid(wf)).stream().anyMatch(Event.Resync.class::isInstance)) {
        killLeftovers(wf);
      }
      inbox.forget(key);
      Optional<Workflow> labelled = relabel(wf);
      return labelled.isEmpty() ? Result.requeue() : retain(key, labelled.get(), null);
    }
    List<Event> events = inbox.drain(key, uid(wf));
    // A suspended workflow is not walked: its resumes wait until it is resumed.
    List<Event.Resume> pending =
        Boolean.TRUE.equals(wf.spec().suspend()) ? List.of() : PendingResumes.of(wf);
    List<Event> seen = new ArrayList<>(events);
    seen.addAll(pending);
    Library lib = libraries.load(key.namespace());
    Reconciliation r = engine.reconcile(wf, lib, seen, clock.instant());
    Workflow saved = wf;
    if (!pending.isEmpty() || !r.status().equals(wf.status())) {
      try {
        // the resumes' effect and their removal in one write: each is applied exactly once
        saved =
            pending.isEmpty()
                ? store.updateStatus(wf.withStatus(r.status()))
                : store.update(PendingResumes.cleared(wf.withStatus(r.status())));
      } catch (StoreException.Conflict e) {
        inbox.putBack(key, uid(wf), events);
        return Result.requeue();
      } catch (StoreException.NotFound e) {
        inbox.forget(key);
        return Result.done();
      }
    }
    act(key, saved, lib, r.actions());
    if (Boolean.TRUE.equals(wf.spec().suspend())
        && events.stream().anyMatch(Event.Resync.class::isInstance)) {
      // A suspended workflow is not walked, so its running pods were not asked for again: keep the
      // resync for the first reconcile after it is resumed.
      inbox.putBack(key, uid(wf), List.of(new Event.Resync()));
    }
    Optional<Workflow> labelled = relabel(saved);
    if (labelled.isEmpty()) return Result.requeue();
    saved = labelled.get();
    Result retained = retain(key, saved, wf.status());
    if (r.completed()) return retained;
    Optional<Instant> wake = r.wakeAt();
    if (retained instanceof Result.RequeueAfter after) {
      Instant gcAt = clock.instant().plus(after.delay());
      wake = Optional.of(wake.filter(w -> w.isBefore(gcAt)).orElse(gcAt));
    }
    return wake.map(at -> Result.requeueAfter(max0(Duration.between(clock.instant(), at))))
        .orElse(Result.done());
  }

  /**
   * First sight of a completed workflow after a start: a pod failed by a deadline or a stop may
   * still run if the process that failed it died before killing it.
   */
  private void killLeftovers(Workflow wf) {
    for (var n : wf.status().nodesOrEmpty().values()) {
      if (n.podName() != null && n.phase().unsuccessful())
        pods.kill(wf, n.podName(), "the workflow has completed");
    }
  }

  /** Brings the phase labels up to date; empty if another writer got in first (requeue). */
  private Optional<Workflow> relabel(Workflow wf) {
    Optional<Workflow> relabelled = PhaseLabels.update(wf);
    if (relabelled.isEmpty()) return Optional.of(wf);
    try {
      return Optional.of(store.update(relabelled.get()));
    } catch (StoreException.Conflict | StoreException.NotFound e) {
      return Optional.empty();
    }
  }

  /** Applies ttlStrategy and podGC; asks to be woken when the next of them comes due. */
  private Result retain(WorkflowKey key, Workflow wf, WorkflowStatus before) {
    Retention.Decision d = Retention.decide(wf, before, clock.instant());
    d.podsToRemove().forEach(pod -> pods.remove(wf, pod));
    if (d.deleteWorkflow()) {
      try {
        store.delete(Workflow.class, key.namespace(), key.name());
      } catch (StoreException.NotFound e) {
        // deleted meanwhile
      }
      return Result.done();
    }
    return d.wakeAt()
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
        case Action.RunPod run ->
            pods.start(wf, spec, lib, run, (w, ev) -> report(key, uid(w), ev));
        case Action.KillPod kill -> pods.kill(wf, kill.podName(), kill.reason());
        case Action.SaveMemo memo -> memos.save(key.namespace(), memo);
      }
    }
  }

  private static String uid(Workflow wf) {
    return wf.metadata().uid();
  }

  private static Duration max0(Duration d) {
    return d.isNegative() ? Duration.ZERO : d;
  }
}
