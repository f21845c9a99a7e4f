package dev.weft.engine.exec;

import dev.weft.engine.run.Finished;
import dev.weft.engine.run.Run;
import dev.weft.engine.run.Scope;
import dev.weft.engine.template.EngineError;
import dev.weft.model.spec.DagTask;
import dev.weft.model.spec.DagTemplate;
import dev.weft.model.status.NodePhase;
import dev.weft.model.status.NodeStatus;
import dev.weft.model.status.NodeType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** DAG templates: each task runs once its dependencies are done and its depends logic holds. */
final class DagExecutor {
  /**
   * One DagRun per DAG node for the whole reconcile: its parsed dependencies and the scope of
   * finished tasks carry over from one fixpoint pass to the next instead of being rebuilt.
   */
  private final Map<String, DagRun> runs = new java.util.HashMap<>();

  private final Run run;
  private final Invoker invoker;
  private final TemplateOutputs outputs;
  private final StepsExecutor steps;

  DagExecutor(Run run, TemplateExecutor templates, StepsExecutor steps) {
    this.steps = steps;
    this.run = run;
    this.invoker = new Invoker(run, templates);
    this.outputs = new TemplateOutputs(run);
  }

  NodeStatus execute(String nodeName, Prepared p, String boundaryId) {
    NodeStatus node = run.nodes().byName(nodeName);
    if (node == null) {
      node = p.createNode(run, nodeName, NodeType.DAG, boundaryId, NodePhase.RUNNING, null);
    }
    if (p.template().parallelism() != null) {
      run.limitChildren(node.id(), Integer.parseInt(p.template().parallelism().trim()));
    }
    DagTemplate dag = p.template().dag();
    DagRun ctx = runs.get(node.id());
    if (ctx == null) {
      Finished.Dag before =
          run.finished().of(node.id(), p.template()) instanceof Finished.Dag f ? f : null;
      try {
        DagShape shape = before != null ? (DagShape) before.shape() : DagShape.of(dag);
        ctx = new DagRun(run, invoker, node, p, shape, steps.inputScope(p), before);
      } catch (EngineError e) {
        return run.nodes().mark(node.id(), NodePhase.ERROR, e.getMessage(), run.now());
      }
      runs.put(node.id(), ctx);
      DagRun left = ctx;
      run.finished().leave(node.id(), left::finished);
    }
    Map<String, DagTask> tasks = ctx.tasks();
    List<String> targets = ctx.targets();
    // One visited set for all targets: a task shared by many targets is looked at once per pass
    // (the next fixpoint pass picks up what became ready meanwhile).
    java.util.BitSet visited = new java.util.BitSet();
    for (String t : targets) {
      if (ctx.knownTargets() && ctx.settled(t)) continue; // nothing left to do there
      if (!tasks.containsKey(t)) {
        return run.nodes()
            .mark(
                node.id(),
                NodePhase.ERROR,
                "target '" + t + "' is not a task of the DAG",
                run.now());
      }
      ctx.executeTask(t, visited);
    }
    // Every task node hangs below the DAG: while one runs, so does the DAG (no walk of the graph).
    if (ctx.anyInFlight()) return run.nodes().byId(node.id());
    NodeStatus current = run.nodes().byId(node.id());
    Boolean ff = dag.failFast();
    NodePhase phase =
        DagPhase.assess(run.nodes(), current, targets, ctx::taskNodeId, tasks, ff == null || ff);
    if (phase == NodePhase.RUNNING) return current;
    List<String> outbound = new ArrayList<>();
    for (String t : targets) {
      NodeStatus tn = run.nodes().byId(ctx.taskNodeId(t));
      if (tn != null) outbound.addAll(Outbound.of(run.nodes(), tn.id()));
    }
    run.nodes().update(node.id(), n -> n.toBuilder().outboundNodes(outbound).build());
    if (phase != NodePhase.SUCCEEDED) return run.nodes().mark(node.id(), phase, null, run.now());
    try {
      Scope scope = ctx.scopeOfAll();
      var out = outputs.resolve(p.template(), scope);
      run.nodes().update(node.id(), n -> n.toBuilder().outputs(out).build());
      return run.nodes().mark(node.id(), NodePhase.SUCCEEDED, null, run.now());
    } catch (EngineError e) {
      return run.nodes().mark(node.id(), NodePhase.ERROR, e.getMessage(), run.now());
    }
  }
}
