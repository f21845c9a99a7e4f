package dev.weft.cli.view;

import dev.weft.model.Workflow;
import dev.weft.model.status.NodePhase;
import dev.weft.model.status.NodeStatus;
import dev.weft.model.status.NodeType;
import dev.weft.model.status.WorkflowStatus;
import java.io.PrintStream;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Shows a running workflow as `argo watch` does: on a terminal the node tree is redrawn in place;
 * otherwise each node change is a line. Pod logs are printed as each pod ends.
 */
public final class LiveView {
  private final PrintStream out;
  private final boolean terminal;
  private final BiFunction<String, String, Optional<String>> logs;
  private final Map<String, NodePhase> seen = new HashMap<>();
  private int drawnLines;

  public LiveView(
      PrintStream out, boolean terminal, BiFunction<String, String, Optional<String>> logs) {
    this.out = out;
    this.terminal = terminal;
    this.logs = logs;
  }

  public void header(Workflow wf) {
    out.println("Name:       " + wf.metadata().name());
    out.println("Namespace:  " + wf.metadata().namespaceOrDefault());
    out.println();
  }

  public void update(Workflow wf, Instant now) {
    WorkflowStatus status = wf.status();
    if (status == null) return;
    if (terminal) {
      redraw(NodeTree.render(wf.metadata().name(), status, now));
      return;
    }
    for (NodeStatus n : status.nodesOrEmpty().values()) {
      NodePhase before = seen.put(n.id(), n.phase());
      if (before == n.phase() || n.type() == NodeType.StepGroup) continue;
      if (!n.phase().fulfilled() && n.type() != NodeType.Pod && n.type() != NodeType.Suspend)
        continue;
      String msg = n.message() == null || n.message().isEmpty() ? "" : "  " + n.message();
      out.println(NodeTree.icon(n) + " " + n.name() + "  " + n.phase().label() + msg);
      if (n.type() == NodeType.Pod && n.phase().fulfilled()) printLogs(n);
    }
  }

  private void redraw(List<String> lines) {
    if (drawnLines > 0) out.print("\033[" + drawnLines + "F\033[J");
    lines.forEach(out::println);
    drawnLines = lines.size();
  }

  private void printLogs(NodeStatus n) {
    if (n.podName() == null) return;
    logs.apply(n.podName(), "main")
        .ifPresent(
            text -> {
              for (String line : text.split("\n", -1)) {
                if (!line.isEmpty()) out.println(n.podName() + ": " + line);
              }
            });
  }

  /** The summary after the end: status, the tree, logs (on a terminal) and outputs. */
  public void finish(Workflow wf, Instant now) {
    WorkflowStatus s = wf.status();
    if (terminal) {
      // the summary below redraws the tree; the live one goes
      if (drawnLines > 0) out.print("\033[" + drawnLines + "F\033[J");
      drawnLines = 0;
      for (NodeStatus n : s.nodesOrEmpty().values()) if (n.type() == NodeType.Pod) printLogs(n);
    }
    out.println();
    out.println("Status:     " + s.phase().label());
    if (s.message() != null && !s.message().isEmpty()) out.println("Message:    " + s.message());
    if (s.startedAt() != null && s.finishedAt() != null) {
      out.println(
          "Duration:   "
              + NodeTree.format(java.time.Duration.between(s.startedAt(), s.finishedAt())));
    }
    out.println("Progress:   " + s.progress());
    out.println();
    NodeTree.render(wf.metadata().name(), s, now).forEach(out::println);
    Outputs.print(out, wf);
  }
}
