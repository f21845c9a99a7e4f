package dev.weft.controller.cron;

import dev.weft.model.CronWorkflow;
import dev.weft.model.Workflow;
import dev.weft.model.spec.CronWorkflowSpec;
import dev.weft.runtime.Reconciler;
import dev.weft.runtime.Result;
import dev.weft.store.Store;
import dev.weft.store.StoreException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The CronWorkflow controller (Argo's workflow/cron: controller.go, operator.go). Each reconcile
 * reads the CronWorkflow and its workflows, updates the active list and the succeeded and failed
 * counters, prunes finished workflows beyond the history limits, starts the run that is due if
 * suspend, stopStrategy, when and the concurrency policy allow, saves the status and asks to be
 * reconciled again at the next activation.
 *
 * <p>The activations come from an in-memory {@link CronTable}, as from robfig/cron in Argo: an
 * activation that comes due while this reconciler is running is started however late the reconcile
 * is; one that passed before (a restart) is started only if it is the latest missed one and within
 * startingDeadlineSeconds. A run is named {@code <cron>-<unix seconds>} of its scheduled time, so
 * starting it twice finds it started. Changes to a CronWorkflow's workflows should enqueue it
 * ({@link CronKey#ownerOf}).
 */
public final class CronWorkflowReconciler implements Reconciler<CronKey> {
  /** Longer deadlines than this are the same as this (no overflow in time arithmetic). */
  private static final Duration MAX_DEADLINE = Duration.ofDays(366L * 100);

  private final Store store;
  private final Clock clock;
  private final Children children;
  private final CronTable table = new CronTable();

  /** A reconciler reading the time from {@code clock}, whose zone is the default time zone. */
  public CronWorkflowReconciler(Store store, Clock clock) {
    this.store = store;
    this.clock = clock;
    this.children = new Children(store);
  }

  @Override
  public Result reconcile(CronKey key) {
    Optional<CronWorkflow> found = store.get(CronWorkflow.class, key.namespace(), key.name());
    if (found.isEmpty()) {
      table.forget(key);
      return Result.done();
    }
    CronWorkflow cron = found.get();
    CronDraft draft = new CronDraft(cron);
    Instant now = clock.instant();
    ScheduleSet schedules;
    ConcurrencyPolicy policy;
    try {
      schedules = ScheduleSet.of(cron.spec(), clock.getZone());
      policy = ConcurrencyPolicy.of(cron.spec().concurrencyPolicy());
      if (cron.spec().workflowSpec() == null) {
        throw new IllegalArgumentException("missing workflowSpec");
      }
    } catch (IllegalArgumentException e) {
      draft.status(draft.status().withCondition(CronCondition.SPEC_ERROR, e.getMessage()));
      table.forget(key);
      return save(draft).orElse(Result.done());
    }
    draft.status(draft.status().withoutCondition(CronCondition.SPEC_ERROR));

    var workflows = children.of(cron);
    new ActiveSync(draft).sync(workflows);
    children.enforceHistory(cron, workflows);
    if (draft.stopped()) {
      table.forget(key);
      return save(draft).orElse(Result.done());
    }

    CronTable.Entries entries = table.entriesFor(key, schedules, now);
    Optional<Instant> due = entries.due(now).or(() -> missed(draft, schedules, entries, now));
    boolean failed = false;
    if (due.isPresent()) {
      long failuresBefore = draft.status().failed();
      run(draft, due.get(), policy, schedules);
      failed = draft.status().failed() > failuresBefore;
    }
    Optional<Result> conflict = save(draft);
    if (conflict.isPresent()) {
      return conflict.get();
    }
    if (draft.stopped()) {
      table.forget(key);
      return Result.done();
    }
    CronTable.Entries next = entries.advancedPast(now, schedules);
    if (failed) {
      next = next.withFailed(due.get());
    }
    table.put(key, next);
    return next.earliest()
        .<Result>map(t -> Result.requeueAfter(Duration.between(now, t)))
        .orElse(Result.done());
  }

  /**
   * Argo's shouldOutstandingWorkflowsBeRun: only for schedules that already ran (same
   * last-used-schedule annotation, a lastScheduledTime) and with startingDeadlineSeconds set.
   */
  private Optional<Instant> missed(
      CronDraft draft, ScheduleSet schedules, CronTable.Entries entries, Instant now) {
    Long deadline = draft.original().spec().startingDeadlineSeconds();
    Optional<Instant> last = draft.status().lastScheduledTime();
    if (deadline == null
        || last.isEmpty()
        || !schedules.signature().equals(draft.annotation(CronLabels.LAST_USED_SCHEDULE))) {
      return Optional.empty();
    }
    Duration window =
        Duration.ofSeconds(Math.max(0, Math.min(deadline, MAX_DEADLINE.getSeconds())));
    return schedules
        .latestMissed(last.get(), now, window)
        .filter(t -> entries.failed().map(f -> t.isAfter(f)).orElse(true));
  }

  /** Argo's run: the stop check, the runtime policy, then the new workflow. */
  private void run(
      CronDraft draft, Instant scheduled, ConcurrencyPolicy policy, ScheduleSet schedules) {
    CronWorkflow cron = draft.original();
    CronWorkflowSpec spec = cron.spec();
    if (!schedules.signature().equals(draft.annotation(CronLabels.LAST_USED_SCHEDULE))) {
      draft.annotate(CronLabels.LAST_USED_SCHEDULE, schedules.signature());
    }
    try {
      if (CronExpressions.stop(spec.stopStrategy(), draft.meta(), draft.status())) {
        draft.markStopped();
      }
    } catch (RuntimeException e) {
      draft.status(
          draft
              .status()
              .withCondition(
                  CronCondition.SPEC_ERROR,
                  "failed to check CronWorkflow '"
                      + cron.metadata().name()
                      + "' stopping condition: "
                      + e.getMessage()));
      return;
    }
    if (Boolean.TRUE.equals(spec.suspend()) || draft.stopped()) {
      return;
    }
    try {
      if (!CronExpressions.when(spec.when(), draft.meta(), draft.status())) {
        return;
      }
      if (!draft.status().active().isEmpty()) {
        if (policy == ConcurrencyPolicy.FORBID) {
          return;
        }
        if (policy == ConcurrencyPolicy.REPLACE) {
          children.terminate(draft.status().active());
        }
      }
    } catch (RuntimeException e) {
      submissionError(draft, "run policy error: " + e.getMessage());
      return;
    }
    Workflow wf = ChildWorkflows.build(cron, scheduled, clock.getZone());
    switch (children.submit(wf, cron.metadata().uid())) {
      case Submission.Started s -> started(draft, s.workflow(), scheduled);
      case Submission.AlreadyStarted s -> started(draft, s.workflow(), scheduled);
      case Submission.Failed f ->
          submissionError(draft, "Failed to submit Workflow: " + f.message());
    }
  }

  private static void started(CronDraft draft, Workflow wf, Instant scheduled) {
    CronStatus s = draft.status();
    if (!s.hasActive(wf.metadata().uid()) && !ChildWorkflows.completed(wf)) {
      s = s.plusActive(ActiveRef.of(wf));
    }
    draft.status(
        s.withPhase(CronPhase.ACTIVE)
            .withLastScheduledTime(scheduled)
            .withoutCondition(CronCondition.SUBMISSION_ERROR));
  }

  /** Argo's reportCronWorkflowError for a submission: the condition, and one more failure. */
  private static void submissionError(CronDraft draft, String message) {
    draft.status(
        draft.status().withCondition(CronCondition.SUBMISSION_ERROR, message).plusFailed());
  }

  /** Writes the draft if it changed; a conflict asks for a retry. */
  private Optional<Result> save(CronDraft draft) {
    if (!draft.changed()) {
      return Optional.empty();
    }
    try {
      store.update(draft.toResource());
      return Optional.empty();
    } catch (StoreException.Conflict | StoreException.NotFound e) {
      return Optional.of(Result.requeue());
    }
  }
}
