package dev.weft.engine.exec;

import dev.weft.engine.run.NodeTable;
import dev.weft.model.status.NodeStatus;
import java.util.ArrayList;
import java.util.List;

/** Argo's outbound nodes: the nodes a successor attaches to, so the node graph shows the flow. */
final class Outbound {
  private Outbound() {}

  static List<String> of(NodeTable nodes, String id) {
    NodeStatus node = nodes.byId(id);
    if (node == null) return List.of(id);
    List<String> out = new ArrayList<>();
    switch (node.type()) {
      case Pod, Skipped, Suspend, Container, Plugin -> out.add(id);
      case TaskGroup, StepGroup -> {
        for (String c : node.childrenOrEmpty()) out.addAll(of(nodes, c));
      }
      case Retry -> {
        List<String> children = node.childrenOrEmpty();
        if (!children.isEmpty()) out.add(children.get(children.size() - 1));
      }
      case Steps, DAG -> {
        if (node.outboundNodes() != null) {
          for (String o : node.outboundNodes()) out.addAll(of(nodes, o));
        }
      }
    }
    if (out.isEmpty()) out.add(id);
    return out;
  }
}
