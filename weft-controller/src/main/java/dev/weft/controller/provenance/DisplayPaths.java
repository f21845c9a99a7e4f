package dev.weft.controller.provenance;

import dev.weft.model.status.NodeStatus;
import dev.weft.model.status.NodeType;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Each node's display path: the display names from the workflow's root node down to it, joined by
 * {@code /}, as the UI's tree shows them (steps groups {@code [0]} included, so a path names one
 * place in the tree). A {@code /} or {@code %} inside a display name (a loop item's value) is
 * percent-encoded, so each name stays one segment.
 *
 * <p>A node's parent is the group or retry node listing it as a child, else its boundary: a DAG
 * task's children are the tasks that depend on it, not its parts, so they never make a parent.
 */
final class DisplayPaths {
  private static final Set<NodeType> GROUPS =
      EnumSet.of(
          NodeType.Steps, NodeType.StepGroup, NodeType.DAG, NodeType.TaskGroup, NodeType.Retry);

  private final Map<String, NodeStatus> nodes;
  private final Map<String, String> parents = new HashMap<>();
  private final Map<String, String> paths = new HashMap<>();

  DisplayPaths(Map<String, NodeStatus> nodes) {
    this.nodes = nodes;
    for (NodeStatus n : nodes.values()) {
      if (!GROUPS.contains(n.type())) continue;
      for (String c : n.childrenOrEmpty()) {
        if (!c.equals(n.id())) parents.putIfAbsent(c, n.id());
      }
    }
    for (NodeStatus n : nodes.values()) {
      if (n.boundaryID() != null && !n.boundaryID().equals(n.id())) {
        parents.putIfAbsent(n.id(), n.boundaryID());
      }
    }
  }

  /** The display path of the node with this id. */
  String of(String id) {
    String known = paths.get(id);
    if (known != null) return known;
    StringBuilder path = new StringBuilder();
    Set<String> seen = new HashSet<>(); // a malformed status must not loop forever
    for (String at = id;
        at != null && nodes.containsKey(at) && seen.add(at);
        at = parents.get(at)) {
      NodeStatus n = nodes.get(at);
      String segment = segment(n.displayName() != null ? n.displayName() : n.name());
      path.insert(0, path.isEmpty() ? segment : segment + "/");
    }
    String out = path.toString();
    paths.put(id, out);
    return out;
  }

  static String segment(String displayName) {
    return displayName.replace("%", "%25").replace("/", "%2F");
  }
}
