package dev.weft.controller.workflow;

import dev.weft.engine.EngineMemo;
import dev.weft.engine.Reconciliation;
import dev.weft.model.Workflow;
import dev.weft.model.status.WorkflowStatus;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The engine's memo for the version of each workflow the reconciler wrote with it. It goes back to
 * the engine only with exactly that version and status, so any other write (a retry, `node set`,
 * another process, a store that changes what it was given) means a full walk that makes a new one.
 */
final class EngineMemos {
  private record Written(String resourceVersion, WorkflowStatus status, EngineMemo memo) {}

  private final Map<WorkflowKey, Written> byKey = new ConcurrentHashMap<>();

  /**
   * The memo for the stored workflow ({@code ownWrite}: it is the reconciler's last write), or
   * none; either way it is no longer kept, since it is not for the next version.
   */
  EngineMemo take(WorkflowKey key, Workflow stored, boolean ownWrite) {
    Written w = byKey.remove(key);
    boolean same =
        w != null
            && ownWrite
            && w.resourceVersion().equals(String.valueOf(stored.metadata().resourceVersion()))
            && (w.status() == stored.status() || w.status().equals(stored.status()));
    return same ? w.memo() : EngineMemo.NONE;
  }

  /** Keeps the memo of {@code r} for {@code saved}, whose status is r's (written, or equal). */
  void keep(WorkflowKey key, Workflow saved, Reconciliation r) {
    if (r.completed() || r.memo() == EngineMemo.NONE) {
      byKey.remove(key);
      return;
    }
    String version = String.valueOf(saved.metadata().resourceVersion());
    byKey.put(key, new Written(version, r.status(), r.memo()));
  }

  void forget(WorkflowKey key) {
    byKey.remove(key);
  }
}
