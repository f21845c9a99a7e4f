package dev.weft.engine;

import dev.weft.engine.action.Action;
import dev.weft.engine.event.Event;
import dev.weft.engine.exec.Memoizer;
import dev.weft.engine.exec.TemplateExecutor;
import dev.weft.engine.run.Durations;
import dev.weft.engine.run.EffectiveSpec;
import dev.weft.engine.run.FinishedWork;
import dev.weft.engine.run.Globals;
import dev.weft.engine.run.NodeTable;
import dev.weft.engine.run.PodResults;
import dev.weft.engine.run.Run;
import dev.weft.engine.template.Call;
import dev.weft.engine.template.EngineError;
import dev.weft.engine.template.TemplateHolder;
import dev.weft.model.Workflow;
import dev.weft.model.spec.WorkflowSpec;
import dev.weft.model.status.NodeStatus;
import dev.weft.model.status.NodeType;
import dev.weft.model.status.WorkflowPhase;
import dev.weft.model.status.WorkflowStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The pure engine: from a workflow, what was observed since the last call, and the time, to the new
 * status and the actions to take. No I/O, no threads, no clock: the same input gives the same
 * output, so it is tested with plain tables.
 */
public final class Engine {
  static final String DEADLINE_MESSAGE = "Step exceeded its deadline";
  private static final int MAX_PASSES = 1000;
  private final Limits limits;

  public Engine() {
    this(Limits.DEFAULT);
  }

  public Engine(Limits limits) {
    this.limits = limits;
  }

  public Limits limits() {
    return limits;
  }

  public Reconciliation reconcile(Workflow wf, Library lib, List<Event> events, Instant now) {
    return reconcile(wf, lib, events, now, EngineMemo.NONE);
  }

  /**
   * Like {@link #reconcile(Workflow, Library, List, Instant)}, starting from the memo an earlier
   * reconcile returned with exactly this workflow's status (or {@link EngineMemo#NONE}); the answer
   * is the same, without walking again what that reconcile found finished.
   */
  public Reconciliation reconcile(
      Workflow wf, Library lib, List<Event> events, Instant now, EngineMemo memo) {
    WorkflowStatus old = wf.status() == null ? WorkflowStatus.empty() : wf.status();
    if (old.phase() != null && old.phase().completed()) {
      return new Reconciliation(old, List.of(), Optional.empty());
    }
    Instant startedAt = old.startedAt() == null ? now : old.startedAt();
    WorkflowSpec spec;
    Run run;
    try {
      spec = EffectiveSpec.of(wf.spec(), lib);
      NodeTable nodes = new NodeTable(wf.metadata().name(), old.nodesOrEmpty());
      run = new Run(wf, spec, lib, now, nodes, Globals.of(wf, spec, lib, startedAt, now), limits);
      if (memo.appliesTo(wf.spec(), lib)) {
        run.startFrom(new FinishedWork(memo.nodes(), memo.tagFree()));
      }
    } catch (EngineError e) {
      return failed(old, startedAt, now, e.getMessage());
    }
    for (Event e : events) {
      switch (e) {
        case Event.PodStarted s -> PodResults.started(run, s);
        case Event.PodFinished f -> PodResults.finished(run, f);
        case Event.Resume r -> run.resume(r);
        case Event.Resync r -> run.resync();
      }
    }
    if (run.resyncing()) killEndedPods(run);
    applyShutdown(run, spec, startedAt);
    if (spec.entrypoint() == null)
      return failed(old, startedAt, now, "spec.entrypoint is required");
    Outcome outcome = walkToFixpoint(run, spec);
    Memoizer.saveNewlySucceeded(run, old.nodesOrEmpty());
    WorkflowStatus status = StatusWriter.write(old, run, outcome, startedAt, now);
    EngineMemo next =
        outcome.phase().completed()
            ? EngineMemo.NONE
            : new EngineMemo(
                wf.spec(), lib, run.finished().leftFor(run.nodes()), run.finished().tagFreeLeft());
    return new Reconciliation(status, run.actions(), Optional.ofNullable(run.wakeAt()), next);
  }

  /**
   * Walks the workflow until a pass changes no node: a node finishing mid-pass (a nested DAG, a
   * skipped step) may unblock others that the same pass had already looked at.
   */
  private static Outcome walkToFixpoint(Run run, WorkflowSpec spec) {
    TemplateExecutor templates = new TemplateExecutor(run);
    TemplateHolder local = new TemplateHolder(TemplateHolder.Kind.local, run.workflowName(), spec);
    for (int pass = 0; ; pass++) {
      run.nodes().mark();
      NodeStatus root = run.nodes().byName(run.workflowName());
      if (!Boolean.TRUE.equals(spec.suspend()) || root != null && root.phase().fulfilled()) {
        root =
            templates.execute(
                run.workflowName(),
                Call.byName(local, spec.entrypoint(), spec.argumentsOrEmpty()),
                null);
      }
      Outcome outcome = WorkflowOutcome.decide(run, spec, root, templates, local);
      if (outcome.phase().completed() || !run.nodes().changedSinceMark() || pass >= MAX_PASSES) {
        return outcome;
      }
    }
  }

  /**
   * After a restart, a pod whose node was failed (deadline, stop) may still run if the process that
   * failed it died before killing it: the kill is asked for again (a no-op for a pod that ended).
   */
  private static void killEndedPods(Run run) {
    for (NodeStatus n : List.copyOf(run.nodes().all())) {
      if (n.type() == NodeType.Pod && n.podName() != null && n.phase().unsuccessful()) {
        run.act(new Action.KillPod(n.id(), n.podName(), n.message()));
      }
    }
  }

  private static void applyShutdown(Run run, WorkflowSpec spec, Instant startedAt) {
    if ("Terminate".equals(spec.shutdown()) || "Stop".equals(spec.shutdown())) {
      run.shutDown(
          "workflow shutdown with strategy: " + spec.shutdown(),
          "Terminate".equals(spec.shutdown()));
    }
    if (spec.activeDeadlineSeconds() != null) {
      Instant deadline = startedAt.plus(Durations.parse(spec.activeDeadlineSeconds()));
      if (!run.now().isBefore(deadline)) run.shutDown(DEADLINE_MESSAGE, false);
      else run.wakeAt(deadline);
    }
  }

  private static Reconciliation failed(
      WorkflowStatus old, Instant startedAt, Instant now, String message) {
    WorkflowStatus s =
        new WorkflowStatus(
            WorkflowPhase.ERROR,
            startedAt,
            now,
            old.progress(),
            message,
            old.nodesOrEmpty(),
            old.outputs(),
            null,
            null,
            null,
            null,
            null);
    return new Reconciliation(s, List.of(), Optional.empty());
  }

  /** The workflow-level result of one reconcile. */
  record Outcome(WorkflowPhase phase, String message) {}
}
