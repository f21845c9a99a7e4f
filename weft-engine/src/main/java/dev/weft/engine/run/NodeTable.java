package dev.weft.engine.run;

import dev.weft.model.status.NodePhase;
import dev.weft.model.status.NodeStatus;
import dev.weft.model.status.NodeType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** The nodes of one workflow while a reconcile changes them; insertion order is creation order. */
public final class NodeTable {
  private final String workflowName;
  private final Map<String, NodeStatus> byId;
  // Node ids are hashes of names, asked for many times per pass: each is computed once.
  private final Map<String, String> ids = new java.util.HashMap<>();

  public NodeTable(String workflowName, Map<String, NodeStatus> nodes) {
    this.workflowName = workflowName;
    this.byId = new LinkedHashMap<>(nodes);
  }

  public String workflowName() {
    return workflowName;
  }

  public String idOf(String nodeName) {
    return ids.computeIfAbsent(nodeName, n -> Names.nodeId(workflowName, n));
  }

  public NodeStatus byName(String nodeName) {
    return byId.get(idOf(nodeName));
  }

  public NodeStatus byId(String id) {
    return byId.get(id);
  }

  public int size() {
    return byId.size();
  }

  public Collection<NodeStatus> all() {
    return byId.values();
  }

  public Map<String, NodeStatus> snapshot() {
    return new LinkedHashMap<>(byId);
  }

  /** Argo's display name: the node name relative to its boundary, without "[i]." or ".". */
  private String displayName(String name, String boundaryId) {
    NodeStatus boundary = boundaryId == null ? null : byId.get(boundaryId);
    if (boundary == null || !name.startsWith(boundary.name())) return name;
    String rest = name.substring(boundary.name().length());
    return rest.replaceFirst("^(\\[\\d+\\])?\\.", "");
  }

  public NodeStatus create(
      String name,
      NodeType type,
      String templateName,
      String templateScope,
      String boundaryId,
      NodePhase phase,
      String message,
      Instant now) {
    String id = idOf(name);
    NodeStatus node =
        NodeStatus.builder(id, name, type)
            .displayName(displayName(name, boundaryId))
            .templateName(templateName)
            .templateScope(templateScope)
            .boundaryID(boundaryId)
            .phase(phase)
            .message(message)
            .startedAt(now)
            .finishedAt(phase.fulfilled() ? now : null)
            .build();
    byId.put(id, node);
    return node;
  }

  public NodeStatus update(String id, UnaryOperator<NodeStatus> change) {
    NodeStatus updated = change.apply(byId.get(id));
    byId.put(id, updated);
    return updated;
  }

  /** Sets a phase and message; a fulfilled phase stamps finishedAt once. */
  public NodeStatus mark(String id, NodePhase phase, String message, Instant now) {
    return update(
        id,
        n -> {
          var b = n.toBuilder().phase(phase);
          if (message != null) b.message(message);
          if (phase.fulfilled() && n.finishedAt() == null) b.finishedAt(now);
          return b.build();
        });
  }

  public void addChild(String parentId, String childId) {
    NodeStatus parent = byId.get(parentId);
    if (parent == null || parent.childrenOrEmpty().contains(childId)) return;
    List<String> children = new ArrayList<>(parent.childrenOrEmpty());
    children.add(childId);
    byId.put(parentId, parent.toBuilder().children(children).build());
  }

  public List<NodeStatus> children(NodeStatus node) {
    List<NodeStatus> out = new ArrayList<>();
    for (String id : node.childrenOrEmpty()) {
      NodeStatus c = byId.get(id);
      if (c != null) out.add(c);
    }
    return out;
  }
}
