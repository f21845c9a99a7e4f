package dev.weft.model.status;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one reconcile changed in a workflow's status: every field but {@code nodes} (the header,
 * always whole: it is small), the nodes added or changed, and the ids of nodes removed. Stores
 * write this instead of the whole status, so a write costs what changed rather than the size of the
 * tree.
 *
 * @param header the new status with {@code nodes} empty, or null if the new status has no nodes
 *     field at all
 * @param headerChanged whether any header field differs from the status the patch was taken from
 * @param changed the added or changed nodes, in the order of the new status
 * @param removed the ids of nodes the new status no longer has
 */
public record StatusPatch(
    WorkflowStatus header,
    boolean headerChanged,
    Map<String, NodeStatus> changed,
    List<String> removed) {

  public StatusPatch {
    Objects.requireNonNull(header, "header");
    if (header.nodes() != null && !header.nodes().isEmpty())
      throw new IllegalArgumentException("the header carries no nodes");
    changed = Collections.unmodifiableMap(new LinkedHashMap<>(changed));
    removed = List.copyOf(removed);
  }

  /**
   * The patch that turns {@code before} into {@code after}. Nodes are compared by identity first:
   * the engine hands back the very instances it did not touch, so an unchanged node costs one
   * reference comparison.
   */
  public static StatusPatch between(WorkflowStatus before, WorkflowStatus after) {
    WorkflowStatus from = before == null ? WorkflowStatus.empty() : before;
    WorkflowStatus to = after == null ? WorkflowStatus.empty() : after;
    Map<String, NodeStatus> old = from.nodesOrEmpty();
    Map<String, NodeStatus> now = to.nodesOrEmpty();
    Map<String, NodeStatus> changed = new LinkedHashMap<>();
    for (var e : now.entrySet()) {
      NodeStatus was = old.get(e.getKey());
      if (was != e.getValue() && !e.getValue().equals(was)) changed.put(e.getKey(), e.getValue());
    }
    List<String> removed = new ArrayList<>();
    if (old.size() + changed.size() > now.size() || !now.keySet().containsAll(old.keySet())) {
      for (String id : old.keySet()) if (!now.containsKey(id)) removed.add(id);
    }
    WorkflowStatus header = headerOf(to);
    return new StatusPatch(header, !header.equals(headerOf(from)), changed, removed);
  }

  /** {@code status} without its nodes (an empty map in their place if it has the field). */
  public static WorkflowStatus headerOf(WorkflowStatus status) {
    return new WorkflowStatus(
        status.phase(),
        status.startedAt(),
        status.finishedAt(),
        status.progress(),
        status.message(),
        status.nodes() == null ? null : Map.of(),
        status.outputs(),
        status.conditions(),
        status.persistentVolumeClaims(),
        status.storedTemplates(),
        status.storedWorkflowTemplateSpec(),
        status.synchronization());
  }

  /** Whether applying this patch changes nothing. */
  public boolean isEmpty() {
    return !headerChanged && changed.isEmpty() && removed.isEmpty();
  }

  /**
   * The status this patch produces from {@code base}: the header replaced, changed nodes replaced
   * in place, new ones appended in the patch's order, removed ones dropped. The node map is
   * unmodifiable, since the result is shared by caches and watchers.
   */
  public WorkflowStatus applyTo(WorkflowStatus base) {
    Map<String, NodeStatus> nodes =
        new LinkedHashMap<>(base == null ? Map.of() : base.nodesOrEmpty());
    for (String id : removed) nodes.remove(id);
    nodes.putAll(changed);
    return assemble(header, nodes);
  }

  /**
   * The status with {@code header}'s fields and {@code nodes} (kept, unmodifiable); no nodes field
   * when there are none and the header has none either.
   */
  public static WorkflowStatus assemble(WorkflowStatus header, Map<String, NodeStatus> nodes) {
    Objects.requireNonNull(header, "header");
    boolean absent = nodes.isEmpty() && header.nodes() == null;
    return new WorkflowStatus(
        header.phase(),
        header.startedAt(),
        header.finishedAt(),
        header.progress(),
        header.message(),
        absent ? null : Collections.unmodifiableMap(nodes),
        header.outputs(),
        header.conditions(),
        header.persistentVolumeClaims(),
        header.storedTemplates(),
        header.storedWorkflowTemplateSpec(),
        header.synchronization());
  }
}
