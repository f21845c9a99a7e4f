package dev.weft.engine.exec;

import dev.weft.engine.run.NodeTable;
import dev.weft.model.spec.DagTask;
import dev.weft.model.status.NodePhase;
import dev.weft.model.status.NodeStatus;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Argo's rule for a DAG's phase: walk the node graph from the DAG; an omitted or skipped node takes
 * the phase of the last completed node on its branch; the DAG fails if a target's branch failed
 * (unless the target continues on that phase), else succeeds once every target is done.
 */
final class DagPhase {
  private DagPhase() {}

  static NodePhase assess(
      NodeTable nodes,
      NodeStatus dag,
      List<String> targets,
      Function<String, String> nodeIdOfTask,
      Map<String, DagTask> tasks,
      boolean failFast) {
    Map<String, NodePhase> branchOfTarget = new HashMap<>();
    Set<String> targetIds = new HashSet<>();
    for (String t : targets) targetIds.add(nodeIdOfTask.apply(t));
    record Visit(String id, NodePhase branch) {}
    Deque<Visit> queue = new ArrayDeque<>();
    Set<String> seen = new HashSet<>();
    for (String c : dag.childrenOrEmpty()) queue.add(new Visit(c, null));
    while (!queue.isEmpty()) {
      Visit v = queue.poll();
      if (!seen.add(v.id() + "|" + v.branch())) continue;
      NodeStatus n = nodes.byId(v.id());
      if (n == null) continue;
      if (!n.phase().fulfilled()) return NodePhase.RUNNING;
      NodePhase branch = v.branch();
      if (n.phase() == NodePhase.SUCCEEDED || n.phase().unsuccessful()) branch = n.phase();
      if (targetIds.contains(n.id()) && !branchOfTarget.containsKey(n.id())) {
        branchOfTarget.put(n.id(), branch == null ? n.phase() : branch);
      }
      for (String c : n.childrenOrEmpty()) queue.add(new Visit(c, branch));
    }
    NodePhase result = NodePhase.SUCCEEDED;
    for (String t : targets) {
      String id = nodeIdOfTask.apply(t);
      NodePhase branch = branchOfTarget.get(id);
      if (branch == null) {
        NodeStatus own = nodes.byId(id);
        if (own == null || !own.phase().fulfilled()) {
          result = NodePhase.RUNNING;
          if (!failFast) break;
          continue;
        }
        branch = own.phase();
      }
      if (branch.unsuccessful()) {
        DagTask task = tasks.get(t);
        if (task != null
            && task.continueOn() != null
            && ((branch == NodePhase.FAILED && task.continueOn().onFailed())
                || (branch == NodePhase.ERROR && task.continueOn().onError()))) {
          continue;
        }
        result = branch;
        if (failFast) break;
      }
    }
    return result;
  }
}
