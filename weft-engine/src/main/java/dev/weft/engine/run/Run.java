package dev.weft.engine.run;

import dev.weft.engine.Library;
import dev.weft.engine.Limits;
import dev.weft.engine.action.Action;
import dev.weft.model.Workflow;
import dev.weft.model.spec.Parameter;
import dev.weft.model.spec.WorkflowSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The state of one reconcile: the inputs it reads and the changes it accumulates. It lives for one
 * call of the engine and is never shared.
 */
public final class Run {
  private final Workflow workflow;
  private final WorkflowSpec spec;
  private final Library library;
  private final Instant now;
  private final NodeTable nodes;
  private final List<Action> actions = new ArrayList<>();
  private final Map<String, Parameter> globalOutputs = new LinkedHashMap<>();
  private Scope globals;
  private Instant wakeAt;
  private String shutdownMessage;
  private boolean terminate;
  private int exitHandlerDepth;
  private final Map<String, Integer> parallelism = new LinkedHashMap<>();
  private java.util.Set<String> reissued;
  private final Limits limits;
  private int depth;
  private FinishedWork finished = FinishedWork.none();

  public Run(
      Workflow workflow,
      WorkflowSpec spec,
      Library library,
      Instant now,
      NodeTable nodes,
      Scope globals) {
    this(workflow, spec, library, now, nodes, globals, Limits.DEFAULT);
  }

  public Run(
      Workflow workflow,
      WorkflowSpec spec,
      Library library,
      Instant now,
      NodeTable nodes,
      Scope globals,
      Limits limits) {
    this.limits = limits;
    this.workflow = workflow;
    this.spec = spec;
    this.library = library;
    this.now = now;
    this.nodes = nodes;
    this.globals = globals;
  }

  public Workflow workflow() {
    return workflow;
  }

  public WorkflowSpec spec() {
    return spec;
  }

  public Limits limits() {
    return limits;
  }

  /** What earlier reconciles finished, and what this one leaves finished for the next. */
  public FinishedWork finished() {
    return finished;
  }

  public void startFrom(FinishedWork finished) {
    this.finished = finished;
  }

  /**
   * Counts nested template calls, as Argo's currentStackDepth does; false (and nothing counted)
   * when one more would reach the maximum depth.
   */
  public boolean enterTemplate() {
    if (depth + 1 >= Limits.MAX_DEPTH) return false;
    depth++;
    return true;
  }

  public void leaveTemplate() {
    depth--;
  }

  public Library library() {
    return library;
  }

  public Instant now() {
    return now;
  }

  public NodeTable nodes() {
    return nodes;
  }

  public String workflowName() {
    return workflow.metadata().name();
  }

  public Scope globals() {
    return globals;
  }

  private int globalsVersion;

  /**
   * Changes whenever a global variable is added, so what was prepared with the old ones is redone.
   */
  public int globalsVersion() {
    return globalsVersion;
  }

  public void addGlobal(String key, String value) {
    globalsVersion++;
    globals = globals.with(key, value);
  }

  public void addGlobalArtifact(String key, dev.weft.model.spec.Artifact artifact) {
    globals = globals.withArtifact(key, artifact);
  }

  public Map<String, Parameter> globalOutputs() {
    return globalOutputs;
  }

  public void act(Action action) {
    actions.add(action);
  }

  public List<Action> actions() {
    return actions;
  }

  /** Asks to be reconciled again at this time even if nothing else happens. */
  public void wakeAt(Instant at) {
    if (wakeAt == null || at.isBefore(wakeAt)) wakeAt = at;
  }

  public Instant wakeAt() {
    return wakeAt;
  }

  /** Once set, no new work starts; running nodes are failed with this message. */
  public void shutDown(String message, boolean terminate) {
    if (shutdownMessage == null) {
      shutdownMessage = message;
      this.terminate = terminate;
    }
  }

  public String shutdownMessage() {
    return shutdownMessage;
  }

  public boolean shuttingDown() {
    return shutdownMessage != null;
  }

  private final Map<String, dev.weft.engine.event.Event.Resume> resumed = new LinkedHashMap<>();

  /**
   * A resume applies to the suspend nodes suspended when it arrives, matched by name or display
   * name (all of them when it names none); nodes suspended later wait for a resume of their own.
   * Several for one node in one reconcile act as one after the other: the first that ends the node
   * wins, and what a `node set` without a phase recorded is kept.
   */
  public void resume(dev.weft.engine.event.Event.Resume r) {
    for (var n : nodes.all()) {
      boolean suspended =
          n.type() == dev.weft.model.status.NodeType.Suspend && !n.phase().fulfilled();
      boolean named =
          r.nodeName() == null
              || r.nodeName().equals(n.name())
              || r.nodeName().equals(n.displayName());
      if (!suspended || !named) continue;
      var earlier = resumed.get(n.name());
      if (earlier == null) {
        resumed.put(n.name(), r);
      } else if (earlier.phase() == null) {
        var outputs = new LinkedHashMap<>(earlier.outputParameters());
        outputs.putAll(r.outputParameters());
        String message = r.message() != null ? r.message() : earlier.message();
        resumed.put(
            n.name(),
            new dev.weft.engine.event.Event.Resume(r.nodeName(), outputs, r.phase(), message));
      }
    }
  }

  /** The resume (or `node set`) that applies to this node, if any. */
  public java.util.Optional<dev.weft.engine.event.Event.Resume> resumeFor(String nodeName) {
    return java.util.Optional.ofNullable(resumed.get(nodeName));
  }

  /** Steps and DAG nodes register their template's parallelism before running children. */
  public void limitChildren(String boundaryId, int limit) {
    parallelism.put(boundaryId, limit);
  }

  public Integer childLimit(String boundaryId) {
    return parallelism.get(boundaryId);
  }

  /** After a {@code Resync} event, every pod not yet ended is asked for again, once. */
  public void resync() {
    if (reissued == null) reissued = new java.util.HashSet<>();
  }

  public boolean resyncing() {
    return reissued != null;
  }

  /** Whether the pod of this node must be asked for again (true once per node per resync). */
  public boolean reissuePod(String nodeId) {
    return reissued != null && reissued.add(nodeId);
  }

  /** Exit handlers still run while a workflow is being stopped. */
  public void enterExitHandler() {
    exitHandlerDepth++;
  }

  public void leaveExitHandler() {
    exitHandlerDepth--;
  }

  public boolean inExitHandler() {
    return exitHandlerDepth > 0;
  }

  /** Terminate skips exit handlers; Stop and deadlines run them. */
  public boolean terminating() {
    return terminate;
  }
}
