package dev.weft.engine.exec;

import dev.weft.engine.dag.Depends;
import dev.weft.engine.run.NodeTable;
import dev.weft.model.spec.DagTask;
import dev.weft.model.status.NodePhase;
import dev.weft.model.status.NodeStatus;
import dev.weft.model.status.NodeType;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Answers depends questions from task nodes, as Argo's TaskResults do. */
record TaskOutcomes(
    NodeTable nodes, Function<String, NodeStatus> taskNode, Map<String, DagTask> tasks)
    implements Depends.Outcomes {

  @Override
  public Boolean is(String task, Depends.Result result) {
    NodeStatus n = taskNode.apply(task);
    if (n == null || !n.phase().fulfilled()) return null;
    NodePhase p = n.phase();
    return switch (result) {
      case Succeeded -> p == NodePhase.SUCCEEDED;
      case Failed -> p == NodePhase.FAILED;
      case Errored -> p == NodePhase.ERROR;
      case Skipped -> p == NodePhase.SKIPPED;
      case Omitted -> p == NodePhase.OMITTED;
      case Daemoned -> Boolean.TRUE.equals(n.daemoned()) && p != NodePhase.PENDING;
      case AnySucceeded -> children(n).stream().anyMatch(c -> c.phase() == NodePhase.SUCCEEDED);
      case AllFailed -> {
        List<NodeStatus> cs = children(n);
        yield !cs.isEmpty() && cs.stream().allMatch(c -> c.phase() == NodePhase.FAILED);
      }
    };
  }

  /** A bare name also accepts the phases the task continues on. */
  @Override
  public Boolean bare(String task) {
    Boolean ok = Depends.Outcomes.super.bare(task);
    if (ok == null || ok) return ok;
    DagTask t = tasks.get(task);
    if (t == null || t.continueOn() == null) return false;
    return (t.continueOn().onFailed() && Boolean.TRUE.equals(is(task, Depends.Result.Failed)))
        || (t.continueOn().onError() && Boolean.TRUE.equals(is(task, Depends.Result.Errored)));
  }

  private List<NodeStatus> children(NodeStatus n) {
    return n.type() == NodeType.TaskGroup ? nodes.children(n) : List.of(n);
  }
}
