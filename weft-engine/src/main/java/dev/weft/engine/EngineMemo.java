package dev.weft.engine;

import dev.weft.engine.run.Finished;
import dev.weft.model.spec.WorkflowSpec;
import java.util.Map;
import java.util.Set;

/**
 * What one reconcile of a workflow leaves for the next so that it does not walk finished work
 * again: per running steps or DAG node, the groups or tasks already finished and the scope they
 * produced, and the templates known to hold no tag. Immutable; made only by the engine, and valid
 * only with the status that same reconcile returned (the caller passes it back with exactly that
 * status, or passes {@link #NONE}). The engine with it decides exactly as without it.
 */
public final class EngineMemo {
  /** No memo: the engine walks everything. */
  public static final EngineMemo NONE = new EngineMemo(null, null, Map.of(), Set.of());

  private final WorkflowSpec spec;
  private final Library library;
  private final Map<String, Finished> nodes;
  private final Set<Object> tagFree;

  EngineMemo(WorkflowSpec spec, Library library, Map<String, Finished> nodes, Set<Object> tagFree) {
    this.spec = spec;
    this.library = library;
    this.nodes = nodes;
    this.tagFree = tagFree;
  }

  /**
   * Whether it was made for this spec and these templates (what its finished work came from). The
   * ConfigMaps and Secrets are not compared: a library reads them on demand, so one that has read a
   * ConfigMap never equals the next reconcile's, which has read none yet; and they only feed work
   * about to start (inputs, semaphores, memoization), which no memo holds.
   */
  boolean appliesTo(WorkflowSpec spec, Library library) {
    return this.spec != null
        && (this.spec == spec || this.spec.equals(spec))
        && (this.library == library
            || this.library.workflowTemplates().equals(library.workflowTemplates())
                && this.library
                    .clusterWorkflowTemplates()
                    .equals(library.clusterWorkflowTemplates()));
  }

  Map<String, Finished> nodes() {
    return nodes;
  }

  Set<Object> tagFree() {
    return tagFree;
  }

  /** How many running nodes it remembers finished work for. */
  public int size() {
    return nodes.size();
  }
}
