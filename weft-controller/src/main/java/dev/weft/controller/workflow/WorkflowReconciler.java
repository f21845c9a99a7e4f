package dev.weft.controller.workflow;

import dev.weft.controller.pod.PodRuntime;
import dev.weft.controller.provenance.Notary;
import dev.weft.controller.retention.Retention;
import dev.weft.engine.Engine;
import dev.weft.engine.EngineMemo;
import dev.weft.engine.Library;
import dev.weft.engine.Reconciliation;
import dev.weft.engine.action.Action;
import dev.weft.engine.event.Event;
import dev.weft.engine.run.EffectiveSpec;
import dev.weft.engine.template.EngineError;
import dev.weft.model.Workflow;
import dev.weft.model.spec.WorkflowSpec;
import dev.weft.model.status.NodePhase;
import dev.weft.model.status.NodeStatus;
import dev.weft.model.status.StatusPatch;
import dev.weft.model.status.WorkflowPhase;
import dev.weft.model.status.WorkflowStatus;
import dev.weft.runtime.Reconciler;
import dev.weft.runtime.Result;
import dev.weft.store.Store;
import dev.weft.store.StoreException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The Workflow controller: reads a workflow, lets the engine decide, saves the new status, then
 * carries out the engine's actions. Saving comes first, so a pod is only ever started for a node
 * the store already knows.
 */
public final class WorkflowReconciler implements Reconciler<WorkflowKey> {
  private static final System.Logger LOG = System.getLogger(WorkflowReconciler.class.getName());

  /**
   * How often one workflow's reconcile may throw before the workflow ends in Error: a bug or a
   * hostile workflow must not be retried forever, while a passing fault gets a few more tries.
   */
  public static final int MAX_FAILURES = 5;

  /** What decides a workflow's next status: the engine, or a stand-in in tests. */
  @FunctionalInterface
  public interface Decider {
    Reconciliation reconcile(Workflow wf, Library lib, List<Event> events, Instant now);

    /** The same decision, starting from the memo of the reconcile that produced this status. */
    default Reconciliation reconcile(
        Workflow wf, Library lib, List<Event> events, Instant now, EngineMemo memo) {
      return reconcile(wf, lib, events, now);
    }

    /** The engine as a decider that takes its memo (a method reference to it would drop it). */
    static Decider of(Engine engine) {
      return new Decider() {
        @Override
        public Reconciliation reconcile(Workflow wf, Library lib, List<Event> events, Instant now) {
          return engine.reconcile(wf, lib, events, now);
        }

        @Override
        public Reconciliation reconcile(
            Workflow wf, Library lib, List<Event> events, Instant now, EngineMemo memo) {
          return engine.reconcile(wf, lib, events, now, memo);
        }
      };
    }
  }

  private final Store store;
  private final Decider engine;
  private final java.util.Map<WorkflowKey, Integer> failures =
      new java.util.concurrent.ConcurrentHashMap<>();
  private final PodRuntime pods;
  private final Inbox inbox;
  private final LibraryLoader libraries;
  private final MemoCache memos;
  private final Clock clock;
  private final Consumer<WorkflowKey> enqueue;
  private final WorkflowDefaults defaults;
  private final WorkflowThrottle throttle;
  private final Notary notary;

  public WorkflowReconciler(
      Store store,
      Engine engine,
      PodRuntime pods,
      Inbox inbox,
      Clock clock,
      Consumer<WorkflowKey> enqueue) {
    this(store, Decider.of(engine), pods, inbox, clock, enqueue);
  }

  public WorkflowReconciler(
      Store store,
      Decider engine,
      PodRuntime pods,
      Inbox inbox,
      Clock clock,
      Consumer<WorkflowKey> enqueue) {
    this(store, engine, pods, inbox, clock, enqueue, WorkflowDefaults.NONE, WorkflowThrottle.NONE);
  }

  /**
   * A reconciler that decides on each workflow with {@code defaults} applied, starting new ones
   * only as {@code throttle} admits them.
   */
  public WorkflowReconciler(
      Store store,
      Decider engine,
      PodRuntime pods,
      Inbox inbox,
      Clock clock,
      Consumer<WorkflowKey> enqueue,
      WorkflowDefaults defaults,
      WorkflowThrottle throttle) {
    this(store, engine, pods, inbox, clock, enqueue, defaults, throttle, null);
  }

  /**
   * As above, each completed workflow signed by {@code notary} (null: none) before its ttlStrategy
   * may delete it.
   */
  public WorkflowReconciler(
      Store store,
      Decider engine,
      PodRuntime pods,
      Inbox inbox,
      Clock clock,
      Consumer<WorkflowKey> enqueue,
      WorkflowDefaults defaults,
      WorkflowThrottle throttle,
      Notary notary) {
    this.notary = notary;
    this.defaults = defaults;
    this.throttle = throttle;
    this.store = store;
    this.engine = engine;
    this.pods = pods;
    this.inbox = inbox;
    this.libraries = new LibraryLoader(store);
    this.memos = new MemoCache(store);
    this.clock = clock;
    this.enqueue = enqueue;
  }

  /** The version of each workflow this reconciler wrote last: its own changes need no wake-up. */
  private final Map<WorkflowKey, String> written = new java.util.concurrent.ConcurrentHashMap<>();

  private Workflow remember(Workflow saved) {
    written.put(WorkflowKey.of(saved), String.valueOf(saved.metadata().resourceVersion()));
    return saved;
  }

  private final EngineMemos engineMemos = new EngineMemos();

  /** Whether this version of the workflow is this reconciler's own last write. */
  public boolean wroteLast(Workflow wf) {
    return String.valueOf(wf.metadata().resourceVersion()).equals(written.get(WorkflowKey.of(wf)));
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

  /** The workflow itself made the engine or its templates fail: retrying will not mend it. */
  private static final class DecisionFailed extends RuntimeException {
    DecisionFailed(Throwable cause) {
      super(cause);
    }
  }

  /**
   * Reconciles once. When deciding about the workflow throws (the engine or its templates;
   * StackOverflowError and OutOfMemoryError too), it is retried, backed off by the queue, and after
   * {@link #MAX_FAILURES} in a row the workflow ends in Error. Anything else (the store, starting
   * pods) is retried with the queue's growing backoff for as long as it takes: a database restart
   * must not end the workflows it interrupted. One stack trace is logged per workflow.
   */
  @Override
  public Result reconcile(WorkflowKey key) {
    try {
      Result result = reconcileOnce(key);
      failures.remove(key);
      return result;
    } catch (DecisionFailed wrapped) {
      Throwable e = wrapped.getCause();
      int n = failures.merge(key, 1, Integer::sum);
      if (n == 1) LOG.log(System.Logger.Level.WARNING, "workflow " + key + ": reconcile failed", e);
      if (n < MAX_FAILURES) return Result.requeue(); // backed off by the queue's rate limiter
      failures.remove(key);
      return giveUp(key, n, e);
    }
  }

  /** Ends the workflow in Error after {@code n} failed reconciles; stops retrying either way. */
  private Result giveUp(WorkflowKey key, int n, Throwable e) {
    try {
      Optional<Workflow> found = store.get(Workflow.class, key.namespace(), key.name());
      if (found.isEmpty() || found.get().completed()) return Result.done();
      Workflow wf = found.get();
      Reconciliation r = errored(wf, n, e);
      Workflow saved = remember(store.updateStatus(wf.withStatus(r.status())));
      for (Action a : r.actions()) {
        if (a instanceof Action.KillPod kill) pods.kill(saved, kill.podName(), kill.reason());
      }
      return Result.done();
    } catch (RuntimeException again) { // the store, most likely: try again later, backed off
      LOG.log(
          System.Logger.Level.WARNING,
          "workflow " + key + ": could not be ended in Error yet (" + again + ")");
      failures.put(key, n - 1);
      return Result.requeue();
    }
  }

  private Result reconcileOnce(WorkflowKey key) {
    Optional<Workflow> found = store.get(Workflow.class, key.namespace(), key.name());
    if (found.isEmpty()) {
      inbox.forget(key);
      written.remove(key);
      engineMemos.forget(key);
      throttle.release(key);
      return Result.done();
    }
    Workflow stored = found.get();
    Workflow wf = defaults.apply(stored); // what is decided on; what is written stays stored's
    if (wf.completed()) {
      engineMemos.forget(key);
      if (inbox.drain(key, uid(wf)).stream().anyMatch(Event.Resync.class::isInstance)) {
        killLeftovers(wf);
      }
      inbox.forget(key);
      throttle.release(key);
      Optional<Workflow> labelled = relabel(stored);
      if (labelled.isEmpty()) return Result.requeue();
      Workflow done = labelled.get();
      if (notary != null) { // signed (or failed for good) before retention may delete it
        switch (notary.sign(done)) {
          case Notary.Outcome.Settled s -> done = remember(s.workflow());
          case Notary.Outcome.Retry later -> {
            return Result.requeueAfter(later.delay());
          }
          case Notary.Outcome.Gone gone -> {
            return Result.done();
          }
        }
      }
      return retain(key, defaults.apply(done), null);
    }
    if (!throttle.admit(key, wf)) return postpone(stored);
    List<Event> events = inbox.drain(key, uid(wf));
    // A suspended workflow is not walked: its resumes wait until it is resumed.
    List<Event.Resume> pending =
        Boolean.TRUE.equals(wf.spec().suspend()) ? List.of() : PendingResumes.of(wf);
    List<Event> seen = new ArrayList<>(events);
    seen.addAll(pending);
    Library lib;
    Reconciliation r;
    EngineMemo memo = engineMemos.take(key, stored, wroteLast(stored));
    try {
      lib = libraries.load(key.namespace());
      r = engine.reconcile(wf, lib, seen, clock.instant(), memo);
    } catch (Throwable e) {
      inbox.putBack(key, uid(wf), events); // for the retry: nothing of them was stored
      throw new DecisionFailed(e);
    }
    Workflow saved = wf;
    StatusPatch patch = StatusPatch.between(stored.status(), r.status());
    // the phase labels go in the same write as the phase: one write per reconcile
    Map<String, String> labels = PhaseLabels.forStatus(stored, r.status());
    if (!pending.isEmpty() || !patch.isEmpty() || labels != null) {
      try {
        // the resumes' effect and their removal in one write: each is applied exactly once
        saved =
            remember(
                pending.isEmpty()
                    ? store.patchStatus(stored, patch, labels)
                    : store.update(
                        PendingResumes.cleared(relabelled(stored, labels).withStatus(r.status()))));
      } catch (StoreException.Conflict e) {
        inbox.putBack(key, uid(wf), events);
        return Result.requeue();
      } catch (StoreException.NotFound e) {
        inbox.forget(key);
        return Result.done();
      } catch (StoreException.Invalid e) {
        return refused(key, wf, e);
      } catch (RuntimeException | Error e) {
        inbox.putBack(key, uid(wf), events);
        throw e;
      }
    }
    try {
      act(key, defaults.apply(saved), lib, r.actions());
    } catch (RuntimeException | Error e) {
      // The status is stored, so the engine will not ask for these pods again: a resync will.
      inbox.putBack(key, uid(wf), List.of(new Event.Resync()));
      throw e;
    }
    if (Boolean.TRUE.equals(wf.spec().suspend())
        && events.stream().anyMatch(Event.Resync.class::isInstance)) {
      // A suspended workflow is not walked, so its running pods were not asked for again: keep the
      // resync for the first reconcile after it is resumed.
      inbox.putBack(key, uid(wf), List.of(new Event.Resync()));
    }
    Optional<Workflow> labelled = relabel(saved);
    if (labelled.isEmpty()) return Result.requeue();
    saved = labelled.get();
    engineMemos.keep(key, saved, r); // saved's status is r's (written, or found equal)
    // the completion is stored first; signing (then retention) follows in the next pass
    boolean signNext = r.completed() && notary != null && !Notary.settled(saved);
    Result retained =
        signNext
            ? Result.requeueAfter(Duration.ZERO)
            : retain(key, defaults.apply(saved), wf.status());
    if (r.completed()) {
      throttle.release(key);
      return retained;
    }
    Optional<Instant> wake = r.wakeAt();
    if (retained instanceof Result.RequeueAfter after) {
      Instant gcAt = clock.instant().plus(after.delay());
      wake = Optional.of(wake.filter(w -> w.isBefore(gcAt)).orElse(gcAt));
    }
    return wake.map(at -> Result.requeueAfter(max0(Duration.between(clock.instant(), at))))
        .orElse(Result.done());
  }

  /**
   * The workflow ends in Error because reconciling it failed {@code n} times in a row: its
   * unfinished nodes end in Error too, and their pods are killed.
   */
  private Reconciliation errored(Workflow wf, int n, Throwable e) {
    String reason =
        e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    if (reason.length() > 1000) reason = reason.substring(0, 1000) + "...";
    String message = "the controller failed to reconcile this workflow " + n + " times: " + reason;
    return ended(wf, message, true);
  }

  /**
   * The store refused the new status (on a cluster: too large even with its nodes compressed). The
   * workflow ends in Error saying so, with only its root node, and its pods are stopped; retrying
   * the same write would fail forever.
   */
  private Result refused(WorkflowKey key, Workflow wf, StoreException.Invalid e) {
    Reconciliation r =
        ended(wf, "the workflow's status cannot be stored: " + e.getMessage(), false);
    try {
      Workflow saved = remember(store.updateStatus(wf.withStatus(r.status())));
      for (Action a : r.actions()) {
        if (a instanceof Action.KillPod kill) pods.kill(saved, kill.podName(), kill.reason());
      }
      return Result.done();
    } catch (StoreException.Conflict | StoreException.NotFound again) {
      return Result.requeue();
    }
  }

  /** Too many workflows run: this one waits Pending, saying why, and asks again shortly. */
  private Result postpone(Workflow stored) {
    WorkflowStatus st = stored.status();
    if (st == null || !WorkflowThrottle.POSTPONED.equals(st.message())) {
      WorkflowStatus pending =
          new WorkflowStatus(
              WorkflowPhase.PENDING,
              null,
              null,
              null,
              WorkflowThrottle.POSTPONED,
              Map.of(),
              null,
              null,
              null,
              null,
              null,
              null);
      try {
        remember(store.updateStatus(stored.withStatus(pending)));
      } catch (StoreException.Conflict | StoreException.NotFound e) {
        return Result.requeue();
      }
    }
    return Result.requeueAfter(Duration.ofSeconds(1));
  }

  /** The workflow in Error with {@code message}; its unfinished nodes too, their pods killed. */
  private Reconciliation ended(Workflow wf, String message, boolean keepNodes) {
    WorkflowStatus old = wf.status() == null ? WorkflowStatus.empty() : wf.status();
    LOG.log(System.Logger.Level.WARNING, "workflow " + WorkflowKey.of(wf) + ": " + message);
    Instant now = clock.instant();
    Map<String, NodeStatus> nodes = new LinkedHashMap<>();
    List<Action> kills = new ArrayList<>();
    old.nodesOrEmpty()
        .forEach(
            (id, node) -> {
              boolean root = id.equals(wf.metadata().name());
              if (node.phase() != null && node.phase().fulfilled()) {
                if (keepNodes || root) nodes.put(id, node);
                return;
              }
              if (keepNodes || root) {
                nodes.put(
                    id,
                    node.toBuilder()
                        .phase(NodePhase.ERROR)
                        .message(message)
                        .finishedAt(now)
                        .build());
              }
              if (node.podName() != null)
                kills.add(new Action.KillPod(id, node.podName(), message));
            });
    WorkflowStatus status =
        new WorkflowStatus(
            WorkflowPhase.ERROR,
            old.startedAt() == null ? now : old.startedAt(),
            now,
            old.progress(),
            message,
            nodes,
            old.outputs(),
            old.conditions(),
            old.persistentVolumeClaims(),
            old.storedTemplates(),
            old.storedWorkflowTemplateSpec(),
            old.synchronization());
    return new Reconciliation(status, kills, Optional.empty());
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

  private static Workflow relabelled(Workflow wf, Map<String, String> labels) {
    return labels == null ? wf : wf.withMetadata(wf.metadata().withLabels(labels));
  }

  /** Brings the phase labels up to date; empty if another writer got in first (requeue). */
  private Optional<Workflow> relabel(Workflow wf) {
    Optional<Workflow> relabelled = PhaseLabels.update(wf);
    if (relabelled.isEmpty()) return Optional.of(wf);
    try {
      return Optional.of(remember(store.update(relabelled.get())));
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
