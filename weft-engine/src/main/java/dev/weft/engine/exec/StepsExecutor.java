package dev.weft.engine.exec;

import dev.weft.engine.run.Finished;
import dev.weft.engine.run.GrowingScope;
import dev.weft.engine.run.Run;
import dev.weft.engine.run.Scope;
import dev.weft.engine.template.EngineError;
import dev.weft.model.spec.Artifact;
import dev.weft.model.spec.Step;
import dev.weft.model.status.NodePhase;
import dev.weft.model.status.NodeStatus;
import dev.weft.model.status.NodeType;
import java.util.ArrayList;
import java.util.List;

/** Steps templates: groups run one after another; the steps of a group run in parallel. */
final class StepsExecutor {
  private final Run run;
  private final Invoker invoker;
  private final TemplateOutputs outputs;

  StepsExecutor(Run run, TemplateExecutor templates) {
    this.run = run;
    this.invoker = new Invoker(run, templates);
    this.outputs = new TemplateOutputs(run);
  }

  NodeStatus execute(String nodeName, Prepared p, String boundaryId) {
    NodeStatus node = run.nodes().byName(nodeName);
    if (node == null) {
      node = p.createNode(run, nodeName, NodeType.Steps, boundaryId, NodePhase.RUNNING, null);
    }
    if (p.template().parallelism() != null) {
      run.limitChildren(node.id(), Integer.parseInt(p.template().parallelism().trim()));
    }
    // Groups an earlier reconcile saw succeed are not walked again: their scope layer is kept.
    Finished.Steps before =
        run.finished().of(node.id(), p.template()) instanceof Finished.Steps f ? f : null;
    if (before != null && !lastGroupSucceeded(nodeName, before.groups())) before = null;
    int first = before == null ? 0 : before.groups();
    GrowingScope all =
        new GrowingScope(inputScope(p), before == null ? Scope.empty() : before.layer());
    Scope scope = all.view();
    List<List<Step>> groups = p.template().steps();
    for (int i = first; i < groups.size(); i++) {
      leave(node.id(), p, i, all);
      GroupResult g = group(node, nodeName + "[" + i + "]", groups.get(i), scope, p);
      if (g.node() == null || !g.node().phase().fulfilled()) return run.nodes().byId(node.id());
      if (g.node().phase().unsuccessful()) {
        return run.nodes().mark(node.id(), NodePhase.FAILED, g.node().message(), run.now());
      }
      all.add(g.scope());
    }
    try {
      var out = outputs.resolve(p.template(), scope);
      String id = node.id();
      run.nodes().update(id, n -> n.toBuilder().outputs(out).build());
      return run.nodes().mark(id, NodePhase.SUCCEEDED, null, run.now());
    } catch (EngineError e) {
      return run.nodes().mark(node.id(), NodePhase.ERROR, e.getMessage(), run.now());
    }
  }

  private boolean lastGroupSucceeded(String nodeName, int groups) {
    if (groups == 0) return true;
    NodeStatus last = run.nodes().byName(nodeName + "[" + (groups - 1) + "]");
    return last != null && last.phase() == NodePhase.SUCCEEDED;
  }

  /** The first {@code groups} groups succeeded, adding {@code all} to the scope. */
  private void leave(String nodeId, Prepared p, int groups, GrowingScope all) {
    run.finished()
        .leave(nodeId, () -> new Finished.Steps(p.template(), groups, all.frozenWithAdded()));
  }

  Scope inputScope(Prepared p) {
    Scope scope = new Scope(p.vars(), run.globals().artifacts());
    for (Artifact a : p.bound().inputs().artifactsOrEmpty()) {
      scope = scope.withArtifact("inputs.artifacts." + a.name(), a);
    }
    // as in Argo, an absent optional input can still be passed on (as absent) with `from`
    for (Artifact a : p.bound().absent()) {
      scope = scope.withArtifact("inputs.artifacts." + a.name(), a);
    }
    return scope;
  }

  private record GroupResult(NodeStatus node, Scope scope) {}

  private GroupResult group(
      NodeStatus steps, String groupName, List<Step> group, Scope scope, Prepared p) {
    NodeStatus sg = run.nodes().byName(groupName);
    if (sg == null) {
      sg =
          run.nodes()
              .create(
                  groupName,
                  NodeType.StepGroup,
                  p.call().displayTemplateName(),
                  p.holder().scope(),
                  steps.id(),
                  NodePhase.RUNNING,
                  null,
                  run.now());
      run.nodes().addChild(steps.id(), sg.id());
    }
    boolean complete = true;
    GrowingScope produced = new GrowingScope(Scope.empty());
    List<Outcome> outcomes = new ArrayList<>();
    for (Step step : group) {
      String base = groupName + "." + step.name();
      List<NodeStatus> children = new ArrayList<>();
      List<Loops.Item> items;
      try {
        items =
            step.isLoop() ? Loops.expand(step, scope.values(), run.limits().maxLoopItems()) : null;
      } catch (EngineError e) {
        NodeStatus err =
            invoker.leaf(base, step, p.holder(), steps.id(), NodePhase.ERROR, e.getMessage());
        run.nodes().addChild(sg.id(), err.id());
        outcomes.add(new Outcome(err, step));
        continue;
      }
      if (items != null
          && !items.isEmpty()
          && run.nodes().byName(items.get(0).nodeName(base)) == null
          && run.nodes().size() + items.size() > run.limits().maxNodes()) {
        // A new expansion the workflow has no room for: the loop errs, not each of its items.
        NodeStatus err =
            invoker.leaf(
                base,
                step,
                p.holder(),
                steps.id(),
                NodePhase.ERROR,
                run.limits().maxNodesMessage());
        run.nodes().addChild(sg.id(), err.id());
        outcomes.add(new Outcome(err, step));
        continue;
      }
      if (items != null && items.isEmpty()) {
        NodeStatus skipped =
            invoker.leaf(
                base, step, p.holder(), steps.id(), NodePhase.SKIPPED, "Skipped, empty params");
        run.nodes().addChild(sg.id(), skipped.id());
        outcomes.add(new Outcome(skipped, step));
        continue;
      }
      int count = items == null ? 1 : items.size();
      for (int k = 0; k < count; k++) {
        Loops.Item item = items == null ? null : items.get(k);
        String name = item == null ? base : item.nodeName(base);
        Scope local = item == null ? scope : scope.withAll(item.variables());
        NodeStatus child = invoker.invoke(name, step, local, p.holder(), steps.id());
        if (child == null) {
          complete = false;
          continue;
        }
        run.nodes().addChild(sg.id(), child.id());
        children.add(child);
        if (!child.phase().fulfilled()) {
          complete = false;
          continue;
        }
        if (Invoker.hasExitHook(step)) {
          Scope own = local.merge(NodeScope.of("steps." + step.name(), child));
          NodeStatus exit = invoker.exitHook(child, step, own, p.holder(), steps.id());
          if (exit != null && !exit.phase().fulfilled()) complete = false;
        }
        outcomes.add(new Outcome(child, step));
      }
      if (items == null && !children.isEmpty()) {
        String prefix = "steps." + step.name();
        produced.add(NodeScope.of(prefix, children.get(0)));
        produced.add(invoker.skippedOutputs(prefix, children.get(0), step, p.holder()));
      } else if (items != null) {
        NodeStatus groupNode = run.nodes().byId(sg.id());
        produced.add(
            NodeScope.aggregate("steps." + step.name(), children)
                .with("steps." + step.name() + ".id", groupNode.id())
                .with("steps." + step.name() + ".status", groupNode.phase().label()));
      }
    }
    if (!complete) return new GroupResult(run.nodes().byId(sg.id()), produced.view());
    for (Outcome o : outcomes) {
      if (!Invoker.successful(o.node(), o.step())) {
        NodeStatus failed =
            run.nodes()
                .mark(sg.id(), NodePhase.FAILED, "child '" + o.node().id() + "' failed", run.now());
        return new GroupResult(failed, produced.view());
      }
    }
    return new GroupResult(
        run.nodes().mark(sg.id(), NodePhase.SUCCEEDED, null, run.now()), produced.view());
  }

  private record Outcome(NodeStatus node, Step step) {}
}
