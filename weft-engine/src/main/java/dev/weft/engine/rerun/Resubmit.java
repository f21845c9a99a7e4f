package dev.weft.engine.rerun;

import dev.weft.engine.run.Names;
import dev.weft.model.ObjectMeta;
import dev.weft.model.Workflow;
import dev.weft.model.status.NodePhase;
import dev.weft.model.status.NodeStatus;
import dev.weft.model.status.NodeType;
import dev.weft.model.status.WorkflowPhase;
import dev.weft.model.status.WorkflowStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Argo's resubmit: a new workflow with the old one's spec (no shutdown, parameters overridden) and
 * labels (but the creator and run-state ones), annotations and owners, labelled with the workflow
 * it came from. Memoized, the old workflow's succeeded nodes come along renamed for the new
 * workflow, pods as Skipped ("original pod: ..."), so only what failed runs again; that needs a
 * name known in advance, so the caller supplies the suffix.
 */
public final class Resubmit {
  public static final String FROM_LABEL = "workflows.argoproj.io/resubmitted-from-workflow";

  /**
   * The labels Argo's resubmit leaves behind: who created the old workflow (the new one is the
   * resubmitter's) and the old run's phase, completion and archiving; every other label, the
   * template or cron one included, comes along.
   */
  static final Set<String> NOT_CARRIED =
      Set.of(
          "workflows.argoproj.io/creator",
          "workflows.argoproj.io/creator-email",
          "workflows.argoproj.io/creator-preferred-username",
          "workflows.argoproj.io/phase",
          "workflows.argoproj.io/completed",
          "workflows.argoproj.io/workflow-archiving-status");

  private Resubmit() {}

  /**
   * @param suffix five random characters for a memoized resubmit's name (unused otherwise: the
   *     store completes generateName)
   * @throws IllegalStateException if memoized and the workflow is not Failed or Error
   */
  public static Workflow of(
      Workflow old, boolean memoized, Map<String, String> parameters, String suffix) {
    String oldName = old.metadata().name();
    String generateName =
        old.metadata().generateName() != null && !old.metadata().generateName().isEmpty()
            ? old.metadata().generateName()
            : oldName + "-";
    Map<String, String> labels = new LinkedHashMap<>(old.metadata().labelsOrEmpty());
    labels.keySet().removeAll(NOT_CARRIED);
    labels.put(FROM_LABEL, oldName);
    String name = null;
    WorkflowStatus status = null;
    if (memoized) {
      WorkflowPhase phase = old.status() == null ? null : old.status().phase();
      if (phase != WorkflowPhase.FAILED && phase != WorkflowPhase.ERROR) {
        throw new IllegalStateException(
            "workflow must be Failed/Error to resubmit in memoized mode");
      }
      name = generateName + suffix;
      status = carriedOver(old, name);
    }
    ObjectMeta meta =
        new ObjectMeta(
            name,
            generateName,
            old.metadata().namespace(),
            labels,
            old.metadata().annotations(),
            null,
            null,
            null,
            null,
            null,
            null,
            old.metadata().ownerReferences());
    return new Workflow(
        old.apiVersion(), old.kind(), meta, RerunSpec.of(old.spec(), parameters), status);
  }

  private static List<String> mapped(List<String> old, Map<String, String> ids) {
    if (old == null) return null;
    List<String> out = new ArrayList<>();
    for (String id : old) if (ids.containsKey(id)) out.add(ids.get(id));
    return out.isEmpty() ? null : out;
  }

  /**
   * The succeeded nodes of {@code old}, renamed and re-identified for the workflow {@code name}.
   */
  private static WorkflowStatus carriedOver(Workflow old, String name) {
    String oldName = old.metadata().name();
    Map<String, String> ids = new LinkedHashMap<>();
    List<NodeStatus> carried = new ArrayList<>();
    for (NodeStatus n : old.status().nodesOrEmpty().values()) {
      boolean succeeded = n.phase() == NodePhase.SUCCEEDED || n.phase() == NodePhase.SKIPPED;
      if (!succeeded || n.name().endsWith(".onExit") || !n.name().startsWith(oldName)) continue;
      String newName = name + n.name().substring(oldName.length());
      ids.put(n.id(), Names.nodeId(name, newName));
      carried.add(n);
    }
    Map<String, NodeStatus> nodes = new LinkedHashMap<>();
    for (NodeStatus n : carried) {
      String id = ids.get(n.id());
      List<String> children = new ArrayList<>();
      for (String c : n.childrenOrEmpty()) if (ids.containsKey(c)) children.add(ids.get(c));
      var b =
          n.toBuilder()
              .id(id)
              .name(name + n.name().substring(oldName.length()))
              .children(children.isEmpty() ? null : children)
              .outboundNodes(mapped(n.outboundNodes(), ids))
              .boundaryID(n.boundaryID() == null ? null : ids.get(n.boundaryID()));
      if (n.type() == NodeType.Pod) {
        b.phase(NodePhase.SKIPPED).type(NodeType.Skipped).message("original pod: " + n.id());
      } else {
        b.phase(NodePhase.RUNNING).finishedAt(null);
      }
      nodes.put(id, b.build());
    }
    return new WorkflowStatus(
        WorkflowPhase.RUNNING, null, null, null, null, nodes, null, null, null, null, null, null);
  }
}
