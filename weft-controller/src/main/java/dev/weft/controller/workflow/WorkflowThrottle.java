package dev.weft.controller.workflow;

import dev.weft.model.Workflow;
import java.util.HashSet;
import java.util.Set;

/**
 * Argo's controller-wide {@code parallelism}: at most this many workflows run at once; the ones
 * after them stay Pending, postponed, until one ends. A workflow already started always continues
 * (after a restart it is counted again when first seen).
 */
public final class WorkflowThrottle {
  public static final WorkflowThrottle NONE = new WorkflowThrottle(0);

  /** Argo's message on a postponed workflow. */
  public static final String POSTPONED =
      "Workflow processing has been postponed because too many workflows are already running";

  private final int limit;
  private final Set<WorkflowKey> running = new HashSet<>();

  /** At most {@code limit} running workflows; 0 for no limit. */
  public WorkflowThrottle(int limit) {
    if (limit < 0) throw new IllegalArgumentException("parallelism must be 0 (none) or more");
    this.limit = limit;
  }

  /** Whether the workflow may run now; a yes counts it as running until {@link #release}. */
  public synchronized boolean admit(WorkflowKey key, Workflow wf) {
    if (limit == 0) return true;
    boolean started = wf.status() != null && wf.status().startedAt() != null;
    if (started || running.contains(key)) {
      running.add(key);
      return true;
    }
    if (running.size() >= limit) return false;
    running.add(key);
    return true;
  }

  /** The workflow ended or is gone: its place is free. */
  public synchronized void release(WorkflowKey key) {
    running.remove(key);
  }
}
