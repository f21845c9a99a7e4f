package dev.weft.engine.exec;

import dev.weft.engine.dag.Depends;
import dev.weft.engine.run.GrowingScope;
import dev.weft.engine.run.Run;
import dev.weft.engine.run.Scope;
import dev.weft.engine.template.EngineError;
import dev.weft.model.spec.DagTask;
import dev.weft.model.status.NodePhase;
import dev.weft.model.status.NodeStatus;
import dev.weft.model.status.NodeType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One pass over a DAG's tasks during a reconcile. */
final class DagRun {
  private final Run run;
  private final Invoker invoker;
  private final NodeStatus dag;
  private final Prepared p;
  private final Map<String, DagTask> tasks;
  private final Map<String, Depends> logic = new HashMap<>();
  private final GrowingScope all;
  private final Set<String> inScope = new HashSet<>();

  DagRun(
      Run run,
      Invoker invoker,
      NodeStatus dag,
      Prepared p,
      Map<String, DagTask> tasks,
      Scope base) {
    this.run = run;
    this.invoker = invoker;
    this.dag = dag;
    this.p = p;
    this.tasks = tasks;
    this.all = new GrowingScope(base);
    for (DagTask t : tasks.values()) {
      Depends d = dependencies(t);
      for (String dep : namesIn(d)) {
        if (!tasks.containsKey(dep)) {
          throw new EngineError("task '" + t.name() + "' depends on undefined task '" + dep + "'");
        }
      }
      logic.put(t.name(), d);
    }
    for (DagTask t : tasks.values()) {
      NodeStatus n = taskNode(t.name());
      if (n != null && n.phase().fulfilled()) account(t, n);
    }
  }

  static Set<String> namesIn(Depends d) {
    return d == null ? Set.of() : d.tasks();
  }

  private final Map<String, Set<String>> dependencyNames = new HashMap<>();

  /** The tasks a task's dependencies name, computed once per task. */
  private Set<String> dependencyNames(String task) {
    return dependencyNames.computeIfAbsent(task, t -> namesIn(logic.get(t)));
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
    return run.nodes().idOf(taskNodeName(task));
  }

  private NodeStatus taskNode(String task) {
    return run.nodes().byName(taskNodeName(task));
  }

  void executeTask(String name, Set<String> visiting) {
    if (!visiting.add(name)) return;
    DagTask task = tasks.get(name);
    NodeStatus node = taskNode(name);
    if (node != null && node.phase().fulfilled()) {
      account(task, node);
      hookDone(node, task);
      return;
    }
    boolean depsDone = true;
    for (String dep : dependencyNames(name)) {
      NodeStatus dn = taskNode(dep);
      if (dn != null && dn.phase().fulfilled() && hookDone(dn, tasks.get(dep))) continue;
      depsDone = false;
      executeTask(dep, visiting);
    }
    if (!depsDone) return;
    if (node == null) {
      Depends d = logic.get(name);
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
      hookDone(result, task);
    }
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
    if (!inScope.add(t.name())) return;
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
