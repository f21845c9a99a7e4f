package dev.weft.controller.cron;

import dev.weft.model.Workflow;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Argo's reconcileActiveWfs: running workflows missing from {@code status.active} are added;
 * finished or vanished ones are removed, each finished one counted as succeeded or failed, after
 * which the stopStrategy is checked.
 */
final class ActiveSync {
  private final CronDraft draft;

  ActiveSync(CronDraft draft) {
    this.draft = draft;
  }

  void sync(List<Workflow> workflows) {
    Map<String, Workflow> byUid = new HashMap<>();
    for (Workflow wf : workflows) {
      String uid = wf.metadata().uid();
      byUid.put(uid, wf);
      if (!draft.status().hasActive(uid) && !ChildWorkflows.completed(wf)) {
        draft.status(draft.status().plusActive(ActiveRef.of(wf)));
      }
    }
    for (ActiveRef ref : draft.status().active()) {
      Workflow wf = byUid.get(ref.uid());
      if (wf != null && !ChildWorkflows.completed(wf)) {
        continue;
      }
      draft.status(draft.status().withoutActive(ref.uid()));
      if (wf == null) {
        continue;
      }
      CronStatus s = draft.status();
      draft.status(ChildWorkflows.succeeded(wf) ? s.plusSucceeded() : s.plusFailed());
      checkStop();
    }
  }

  private void checkStop() {
    try {
      if (CronExpressions.stop(
          draft.original().spec().stopStrategy(), draft.meta(), draft.status())) {
        draft.markStopped();
      }
    } catch (RuntimeException e) {
      draft.status(
          draft
              .status()
              .withCondition(
                  CronCondition.SPEC_ERROR,
                  "failed to check CronWorkflow '"
                      + draft.original().metadata().name()
                      + "' stopping condition: "
                      + e.getMessage()));
    }
  }
}
