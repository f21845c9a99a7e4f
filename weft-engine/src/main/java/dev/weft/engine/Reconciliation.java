package dev.weft.engine;

import dev.weft.engine.action.Action;
import dev.weft.model.status.WorkflowStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The engine's answer: the new status, what to do, when to look again if nothing happens, and the
 * memo to pass to the next reconcile of exactly this status.
 */
public record Reconciliation(
    WorkflowStatus status, List<Action> actions, Optional<Instant> wakeAt, EngineMemo memo) {
  public Reconciliation(WorkflowStatus status, List<Action> actions, Optional<Instant> wakeAt) {
    this(status, actions, wakeAt, EngineMemo.NONE);
  }

  public boolean completed() {
    return status.phase() != null && status.phase().completed();
  }
}
