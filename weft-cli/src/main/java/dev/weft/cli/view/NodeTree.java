package dev.weft.cli.view;

import dev.weft.model.status.NodePhase;
import dev.weft.model.status.NodeStatus;
import dev.weft.model.status.NodeType;
import dev.weft.model.status.WorkflowStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Renders a workflow's nodes as `argo get` does: a tree with template, pod, duration, message; the
 * wide form adds the output artifacts and the host node.
 */
public final class NodeTree {
  private NodeTree() {}

  record Row(
      String tree,
      String template,
      String pod,
      String duration,
      String artifacts,
      String message,
      String node) {}

  public static List<String> render(String workflowName, WorkflowStatus status, Instant now) {
    return render(workflowName, status, now, false);
  }

  public static List<String> render(
      String workflowName, WorkflowStatus status, Instant now, boolean wide) {
    Map<String, NodeStatus> nodes = status.nodesOrEmpty();
    List<Row> rows = new ArrayList<>();
    NodeStatus root = nodes.get(workflowName);
    if (root != null) walk(root, nodes, "", "", true, rows, now);
    NodeStatus exit = byName(nodes, workflowName + ".onExit");
    if (exit != null) walk(exit, nodes, "", "", true, rows, now);
    Table table =
        new Table(
            2,
            wide
                ? List.of(
                    "STEP", "TEMPLATE", "PODNAME", "DURATION", "ARTIFACTS", "MESSAGE", "NODENAME")
                : List.of("STEP", "TEMPLATE", "PODNAME", "DURATION", "MESSAGE"));
    for (Row r : rows) {
      table.row(
          wide
              ? List.of(
                  r.tree(),
                  r.template(),
                  r.pod(),
                  r.duration(),
                  r.artifacts(),
                  r.message(),
                  r.node())
              : List.of(r.tree(), r.template(), r.pod(), r.duration(), r.message()));
    }
    return table.lines();
  }

  private static void walk(
      NodeStatus n,
      Map<String, NodeStatus> nodes,
      String prefix,
      String branch,
      boolean last,
      List<Row> rows,
      Instant now) {
    rows.add(
        new Row(
            " " + prefix + branch + icon(n) + " " + n.displayName(),
            n.templateName() == null ? "" : n.templateName(),
            n.podName() == null ? "" : n.podName(),
            duration(n, now),
            artifacts(n),
            n.message() == null ? "" : n.message(),
            n.hostNodeName() == null ? "" : n.hostNodeName()));
    List<NodeStatus> kids = displayChildren(n, nodes);
    String childPrefix = prefix + (branch.isEmpty() ? "" : last ? "  " : "│ ");
    for (int i = 0; i < kids.size(); i++) {
      boolean isLast = i == kids.size() - 1;
      walk(kids.get(i), nodes, childPrefix, isLast ? "└─" : "├─", isLast, rows, now);
    }
  }

  private static String artifacts(NodeStatus n) {
    if (n.outputs() == null) return "";
    return String.join(",", n.outputs().artifactsOrEmpty().stream().map(a -> a.name()).toList());
  }

  /** Steps show their steps (not the groups); DAGs show their tasks; others their children. */
  static List<NodeStatus> displayChildren(NodeStatus n, Map<String, NodeStatus> nodes) {
    List<NodeStatus> out = new ArrayList<>();
    if (n.type() == NodeType.Steps) {
      for (String g : n.childrenOrEmpty()) {
        NodeStatus group = nodes.get(g);
        if (group == null) continue;
        for (String c : group.childrenOrEmpty()) add(out, nodes.get(c));
      }
    } else if (n.type() == NodeType.DAG) {
      for (NodeStatus c : nodes.values()) {
        if (n.id().equals(c.boundaryID()) && isTask(n, c)) add(out, c);
      }
    } else if (n.type() == NodeType.Retry
        || n.type() == NodeType.TaskGroup
        || n.type() == NodeType.Pod) {
      for (String c : n.childrenOrEmpty()) {
        NodeStatus child = nodes.get(c);
        if (child != null && (n.type() != NodeType.Pod || child.name().endsWith(".onExit")))
          add(out, child);
      }
    }
    if (n.type() != NodeType.Pod) {
      NodeStatus exit = byName(nodes, n.name() + ".onExit");
      // the workflow's own exit handler is drawn as a tree of its own
      if (exit != null && exit.boundaryID() != null && !out.contains(exit)) add(out, exit);
    }
    return out;
  }

  private static boolean isTask(NodeStatus dag, NodeStatus c) {
    String rest = c.name().substring(Math.min(c.name().length(), dag.name().length()));
    return rest.startsWith(".") && rest.indexOf('.', 1) < 0 && !rest.contains("(")
        || rest.endsWith(".onExit");
  }

  private static void add(List<NodeStatus> out, NodeStatus n) {
    if (n != null) out.add(n);
  }

  private static NodeStatus byName(Map<String, NodeStatus> nodes, String name) {
    for (NodeStatus n : nodes.values()) if (n.name().equals(name)) return n;
    return null;
  }

  static String icon(NodeStatus n) {
    if (n.type() == NodeType.Suspend && n.phase() == NodePhase.RUNNING) return "ǁ";
    return switch (n.phase()) {
      case SUCCEEDED -> "✔";
      case FAILED, ERROR -> "✖";
      case RUNNING -> "●";
      case PENDING -> "◷";
      case SKIPPED, OMITTED -> "○";
    };
  }

  static String duration(NodeStatus n, Instant now) {
    if (n.startedAt() == null) return "";
    Instant end = n.finishedAt() != null ? n.finishedAt() : now;
    return format(Duration.between(n.startedAt(), end));
  }

  public static String format(Duration d) {
    long s = Math.max(0, d.toSeconds());
    if (s < 60) return s + "s";
    if (s < 3600) return (s / 60) + "m" + (s % 60 > 0 ? (s % 60) + "s" : "");
    return (s / 3600) + "h" + ((s % 3600) / 60) + "m";
  }
}
