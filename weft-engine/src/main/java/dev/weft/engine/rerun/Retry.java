package dev.weft.engine.rerun;

import dev.weft.model.ObjectMeta;
import dev.weft.model.Workflow;
import dev.weft.model.spec.WorkflowSpec;
import dev.weft.model.status.NodePhase;
import dev.weft.model.status.NodeStatus;
import dev.weft.model.status.NodeType;
import dev.weft.model.status.WorkflowPhase;
import dev.weft.model.status.WorkflowStatus;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Argo's retry of a finished workflow, as a pure function: the nodes that did not succeed (and,
 * with restartSuccessful, the succeeded ones the selector picks, with everything below them) are
 * removed together with their ancestors' verdicts, exit handler nodes run again, and the workflow
 * is Running once more. The engine then walks the workflow as usual: kept nodes are found by their
 * (deterministic) names and not run again; removed ones are created afresh.
 */
public final class Retry {
  /**
   * How many times the workflow was retried: Weft's mark (Argo leaves none), so that what a run's
   * provenance says started it can tell a retry from the first run.
   */
  public static final String RETRIES_ANNOTATION = "workflows.weft.dev/retries";

  private Retry() {}

  /** The workflow to save, and the pods whose files must go first (their names are reused). */
  public record Result(Workflow workflow, List<String> podsToDelete) {}

  /**
   * @param restart the succeeded nodes to run again (only with restartSuccessful)
   * @throws IllegalStateException if the workflow cannot be retried (not Failed or Error)
   */
  public static Result of(
      Workflow wf,
      boolean restartSuccessful,
      Predicate<NodeStatus> restart,
      Map<String, String> parameters) {
    WorkflowStatus status = wf.status();
    WorkflowPhase phase = status == null ? null : status.phase();
    boolean failed = phase == WorkflowPhase.FAILED || phase == WorkflowPhase.ERROR;
    if (!failed && !(phase == WorkflowPhase.SUCCEEDED && restartSuccessful)) {
      throw new IllegalStateException(
          "workflow must be Failed/Error to retry (it is "
              + (phase == null ? "not finished" : phase.label())
              + ")");
    }
    Map<String, NodeStatus> nodes = status.nodesOrEmpty();
    Map<String, String> parents = parents(nodes);
    Set<String> reset = new HashSet<>();
    for (NodeStatus n : nodes.values()) {
      boolean succeeded = n.phase() == NodePhase.SUCCEEDED || n.phase() == NodePhase.SKIPPED;
      boolean exitHandler = n.name().endsWith(".onExit");
      if (exitHandler || restartSuccessful && restart.test(n)) {
        reset.addAll(descendants(nodes, n.id()));
      } else if (!succeeded) {
        reset.add(n.id()); // its succeeded children stay: the engine links them again
      }
    }
    for (String id : List.copyOf(reset)) {
      for (String p = parents.get(id); p != null && reset.add(p); p = parents.get(p)) {}
    }
    Map<String, NodeStatus> kept = new LinkedHashMap<>();
    List<String> pods = new ArrayList<>();
    for (NodeStatus n : nodes.values()) {
      if (reset.contains(n.id())) {
        if (n.type() == NodeType.Pod && n.podName() != null) pods.add(n.podName());
        continue;
      }
      kept.put(
          n.id(),
          n.toBuilder()
              .children(without(n.childrenOrEmpty(), reset))
              .outboundNodes(n.outboundNodes() == null ? null : without(n.outboundNodes(), reset))
              .build());
    }
    WorkflowStatus running =
        new WorkflowStatus(
            WorkflowPhase.RUNNING,
            status.startedAt(),
            null,
            status.progress(),
            null,
            kept,
            status.outputs(),
            status.conditions(),
            status.persistentVolumeClaims(),
            status.storedTemplates(),
            status.storedWorkflowTemplateSpec(),
            null);
    WorkflowSpec spec = RerunSpec.of(wf.spec(), parameters);
    return new Result(
        wf.withMetadata(counted(wf.metadata())).withSpec(spec).withStatus(running), pods);
  }

  private static ObjectMeta counted(ObjectMeta m) {
    Map<String, String> annotations = new LinkedHashMap<>(m.annotationsOrEmpty());
    int before;
    try {
      before = Integer.parseInt(annotations.getOrDefault(RETRIES_ANNOTATION, "0"));
    } catch (NumberFormatException e) {
      before = 0; // hand-edited: count afresh
    }
    annotations.put(RETRIES_ANNOTATION, Integer.toString(Math.max(before, 0) + 1));
    return new ObjectMeta(
        m.name(),
        m.generateName(),
        m.namespace(),
        m.labels(),
        annotations,
        m.uid(),
        m.resourceVersion(),
        m.generation(),
        m.creationTimestamp(),
        m.deletionTimestamp(),
        m.finalizers(),
        m.ownerReferences());
  }

  /**
   * Each node's enclosing node: the group or retry node listing it, else its boundary. A DAG task's
   * children are its dependents, not its parts, so task nodes are never parents here.
   */
  private static Map<String, String> parents(Map<String, NodeStatus> nodes) {
    Map<String, String> out = new HashMap<>();
    for (NodeStatus n : nodes.values()) {
      if (!CONTAINERS.contains(n.type())) continue;
      for (String c : n.childrenOrEmpty()) out.putIfAbsent(c, n.id());
    }
    for (NodeStatus n : nodes.values()) {
      if (n.boundaryID() != null && !n.boundaryID().equals(n.id())) {
        out.putIfAbsent(n.id(), n.boundaryID());
      }
    }
    return out;
  }

  private static final Set<NodeType> CONTAINERS =
      java.util.EnumSet.of(
          NodeType.Steps, NodeType.StepGroup, NodeType.DAG, NodeType.TaskGroup, NodeType.Retry);

  /** The node and every node below it (DAG children may be shared; each is visited once). */
  private static Set<String> descendants(Map<String, NodeStatus> nodes, String id) {
    Set<String> out = new HashSet<>();
    Deque<String> todo = new ArrayDeque<>(List.of(id));
    while (!todo.isEmpty()) {
      String next = todo.pop();
      NodeStatus n = nodes.get(next);
      if (n == null || !out.add(next)) continue;
      todo.addAll(n.childrenOrEmpty());
    }
    return out;
  }

  private static List<String> without(List<String> ids, Set<String> removed) {
    List<String> out = new ArrayList<>(ids);
    out.removeAll(removed);
    return out.isEmpty() ? null : out;
  }
}
