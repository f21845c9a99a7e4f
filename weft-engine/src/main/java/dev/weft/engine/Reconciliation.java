package dev.weft.engine;

import dev.weft.engine.action.Action;
import dev.weft.model.status.WorkflowStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The engine's answer: the new status, what to do, and when to look again if nothing happens. */
public record Reconciliation(
    WorkflowStatus status, List<Action> actions, Optional<Instant> wakeAt) {
  public boolean completed() {
    return status.phase() != null && status.phase().completed();
  }
}
