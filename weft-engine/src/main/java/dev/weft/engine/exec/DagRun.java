package dev.weft.engine.exec;

import dev.weft.engine.dag.Depends;
import dev.weft.engine.run.Finished;
import dev.weft.engine.run.GrowingScope;
import dev.weft.engine.run.Run;
import dev.weft.engine.run.Scope;
import dev.weft.engine.template.EngineError;
import dev.weft.model.spec.DagTask;
import dev.weft.model.status.NodePhase;
import dev.weft.model.status.NodeStatus;
import dev.weft.model.status.NodeType;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A DAG's tasks during a reconcile. What an earlier reconcile finished (its {@link Finished.Dag})
 * is not walked again: tasks settled then are skipped, and their outputs are read from its frozen
 * scope layer.
 */
final class DagRun {
  private final Run run;
  private final Invoker invoker;
  private final NodeStatus dag;
  private final Prepared p;
  private final DagShape shape;
  private final Map<String, DagTask> tasks;
  private final GrowingScope all;
  private final List<String> taskIds;
  private final BitSet accounted;
  private final BitSet settled;

  /** Task nodes seen unfulfilled this reconcile: while one still is, the DAG runs. */
  private final Set<String> inFlight = new java.util.LinkedHashSet<>();

  DagRun(
      Run run,
      Invoker invoker,
      NodeStatus dag,
      Prepared p,
      DagShape shape,
      Scope base,
      Finished.Dag before) {
    this.run = run;
    this.invoker = invoker;
    this.dag = dag;
    this.p = p;
    this.shape = shape;
    this.tasks = shape.tasks();
    this.accounted = before == null ? new BitSet() : (BitSet) before.accounted().clone();
    this.settled = before == null ? new BitSet() : (BitSet) before.settled().clone();
    this.taskIds = before == null ? idsOf(run, dag, shape.names()) : before.taskIds();
    this.all = new GrowingScope(base, before == null ? Scope.empty() : before.layer());
    List<String> names = shape.names();
    for (int i = accounted.nextClearBit(0); i < names.size(); i = accounted.nextClearBit(i + 1)) {
      NodeStatus n = run.nodes().byId(taskIds.get(i));
      if (n != null && n.phase().fulfilled()) account(tasks.get(names.get(i)), n);
    }
  }

  Map<String, DagTask> tasks() {
    return tasks;
  }

  List<String> targets() {
    return shape.targets();
  }

  /** Whether every target names a task (else the walk stops at the first that does not). */
  boolean knownTargets() {
    return shape.knownTargets();
  }

  static Set<String> namesIn(Depends d) {
    return d == null ? Set.of() : d.tasks();
  }

  /** The tasks a task's dependencies name. */
  private Set<String> dependencyNames(String task) {
    return shape.dependencies().get(task);
  }

  /** The node id of every task, computed once per DAG node rather than on every visit. */
  private static List<String> idsOf(Run run, NodeStatus dag, List<String> tasks) {
    List<String> ids = new ArrayList<>(tasks.size());
    for (String task : tasks) ids.add(run.nodes().idOf(dag.name() + "." + task));
    return List.copyOf(ids);
  }

  /** What this reconcile leaves finished under the DAG node, for the next one. */
  Finished.Dag finished() {
    return new Finished.Dag(
        p.template(),
        shape,
        taskIds,
        (BitSet) accounted.clone(),
        (BitSet) settled.clone(),
        all.frozenWithAdded());
  }

  /**
   * Whether a task node known to exist is still unfulfilled: every task node hangs below the DAG,
   * so the DAG is running while one is.
   */
  boolean anyInFlight() {
    for (var it = inFlight.iterator(); it.hasNext(); ) {
      NodeStatus n = run.nodes().byId(it.next());
      if (n != null && !n.phase().fulfilled()) return true;
      it.remove();
    }
    return false;
  }

  private boolean isSettled(int task) {
    return settled.get(task);
  }

  /**
   * The depends logic of a task (null for a root task); the dependencies list means all of them,
   * bare.
   */
  static Depends dependencies(DagTask t) {
    if (t.depends() != null && !t.depends().isBlank()) {
      try {
        return Depends.parse(t.depends());
      } catch (Depends.SyntaxError e) {
        throw new EngineError("task '" + t.name() + "': invalid depends: " + e.getMessage());
      }
    }
    List<String> deps = t.dependenciesOrEmpty();
    return deps.isEmpty() ? null : Depends.allOf(deps);
  }

  String taskNodeName(String task) {
    return dag.name() + "." + task;
  }

  String taskNodeId(String task) {
    Integer i = shape.index().get(task);
    return i != null ? taskIds.get(i) : run.nodes().idOf(taskNodeName(task));
  }

  private NodeStatus taskNode(String task) {
    return run.nodes().byId(taskNodeId(task));
  }

  void executeTask(String name, BitSet visiting) {
    executeTask(shape.indexOf(name), visiting);
  }

  /** Whether a task has nothing left to do (it and its exit hook are done). */
  boolean settled(String task) {
    return isSettled(shape.indexOf(task));
  }

  private void executeTask(int at, BitSet visiting) {
    // a settled task has nothing left to do: walking it again would change nothing
    if (isSettled(at) || visiting.get(at)) return;
    visiting.set(at);
    String name = shape.names().get(at);
    DagTask task = tasks.get(name);
    NodeStatus node = run.nodes().byId(taskIds.get(at));
    if (node != null && node.phase().fulfilled()) {
      account(task, node);
      settleIf(at, hookDone(node, task));
      return;
    }
    if (node != null) inFlight.add(node.id());
    boolean depsDone = true;
    for (int dep : shape.dependencyIndexes()[at]) {
      if (isSettled(dep)) continue;
      NodeStatus dn = run.nodes().byId(taskIds.get(dep));
      if (dn != null
          && dn.phase().fulfilled()
          && settleIf(dep, hookDone(dn, tasks.get(shape.names().get(dep))))) {
        continue;
      }
      depsDone = false;
      executeTask(dep, visiting);
    }
    if (!depsDone) return;
    if (node == null) {
      Depends d = shape.logic().get(name);
      Boolean proceed = d == null ? Boolean.TRUE : d.evaluate(outcomes());
      if (!Boolean.TRUE.equals(proceed)) {
        NodeStatus omitted =
            invoker.leaf(
                taskNodeName(name),
                task,
                p.holder(),
                dag.id(),
                NodePhase.OMITTED,
                "omitted: depends condition not met");
        connect(name, omitted);
        account(task, omitted);
        return;
      }
    }
    NodeStatus result = task.isLoop() ? loop(task) : single(task);
    if (result != null && result.phase().fulfilled()) {
      account(task, result);
      settleIf(at, hookDone(result, task));
    } else if (result != null) {
      inFlight.add(result.id());
    }
  }

  /** Remembers a fulfilled task as settled once its exit hook is done; returns {@code done}. */
  private boolean settleIf(int task, boolean done) {
    if (done) settled.set(task);
    return done;
  }

  private NodeStatus single(DagTask task) {
    boolean isNew = taskNode(task.name()) == null;
    NodeStatus child =
        invoker.invoke(taskNodeName(task.name()), task, scopeOfAll(), p.holder(), dag.id());
    if (child != null && isNew) connect(task.name(), child);
    return child;
  }

  private NodeStatus loop(DagTask task) {
    String groupName = taskNodeName(task.name());
    NodeStatus group = run.nodes().byName(groupName);
    Scope scope = scopeOfAll();
    List<Loops.Item> items;
    try {
      items = Loops.expand(task, scope.values(), run.limits().maxLoopItems());
    } catch (EngineError e) {
      NodeStatus err =
          invoker.leaf(groupName, task, p.holder(), dag.id(), NodePhase.ERROR, e.getMessage());
      if (group == null) connect(task.name(), err);
      return err;
    }
    if (group == null && run.nodes().size() + items.size() > run.limits().maxNodes()) {
      // A new expansion the workflow has no room for: the task errs, not each of its items.
      NodeStatus err =
          invoker.leaf(
              groupName,
              task,
              p.holder(),
              dag.id(),
              NodePhase.ERROR,
              run.limits().maxNodesMessage());
      connect(task.name(), err);
      return err;
    }
    if (group == null) {
      if (items.isEmpty()) {
        NodeStatus skipped =
            invoker.leaf(
                groupName, task, p.holder(), dag.id(), NodePhase.SKIPPED, "Skipped, empty params");
        connect(task.name(), skipped);
        return skipped;
      }
      group =
          run.nodes()
              .create(
                  groupName,
                  NodeType.TaskGroup,
                  task.template(),
                  p.holder().scope(),
                  dag.id(),
                  NodePhase.RUNNING,
                  null,
                  run.now());
      connect(task.name(), group);
    }
    boolean complete = true;
    List<NodeStatus> children = new ArrayList<>();
    for (Loops.Item item : items) {
      NodeStatus child =
          invoker.invoke(
              item.nodeName(groupName),
              task,
              scope.withAll(item.variables()),
              p.holder(),
              dag.id());
      if (child == null) {
        complete = false;
        continue;
      }
      run.nodes().addChild(group.id(), child.id());
      children.add(child);
      if (!child.phase().fulfilled()) complete = false;
    }
    if (!complete) return run.nodes().byId(group.id());
    for (NodeStatus c : children) {
      if (!Invoker.successful(c, task)) {
        return run.nodes()
            .mark(group.id(), NodePhase.FAILED, "child '" + c.id() + "' failed", run.now());
      }
    }
    return run.nodes().mark(group.id(), NodePhase.SUCCEEDED, null, run.now());
  }

  /** Attaches a new task node below the outbound nodes of its dependencies (or the DAG). */
  private void connect(String task, NodeStatus node) {
    var deps = dependencyNames(task);
    if (deps.isEmpty()) {
      run.nodes().addChild(dag.id(), node.id());
      return;
    }
    for (String dep : deps) {
      NodeStatus dn = taskNode(dep);
      if (dn == null) continue;
      for (String out : Outbound.of(run.nodes(), dn.id())) run.nodes().addChild(out, node.id());
    }
  }

  /** True once the task's exit hook (if any) has finished; runs it otherwise. */
  private boolean hookDone(NodeStatus node, DagTask task) {
    // the scope is built for tasks with a hook only: this runs for every finished task each pass
    if (!Invoker.hasExitHook(task)) return true;
    Scope own = scopeOfAll().merge(NodeScope.of("tasks." + task.name(), node));
    NodeStatus exit = invoker.exitHook(node, task, own, p.holder(), dag.id());
    return exit == null || exit.phase().fulfilled();
  }

  /** Every finished task's outputs, as {@code tasks.<name>...}; grows as tasks finish. */
  Scope scopeOfAll() {
    return all.view();
  }

  /** Adds a finished task's outputs to the scope, once. */
  private void account(DagTask t, NodeStatus n) {
    int at = shape.indexOf(t.name());
    if (accounted.get(at)) return;
    accounted.set(at);
    String prefix = "tasks." + t.name();
    if (n.type() == NodeType.TaskGroup) {
      all.add(
          NodeScope.aggregate(prefix, run.nodes().children(n))
              .with(prefix + ".id", n.id())
              .with(prefix + ".status", n.phase().label()));
    } else {
      all.add(NodeScope.of(prefix, n).merge(invoker.skippedOutputs(prefix, n, t, p.holder())));
    }
  }

  Depends.Outcomes outcomes() {
    return new TaskOutcomes(run.nodes(), this::taskNode, tasks);
  }
}
