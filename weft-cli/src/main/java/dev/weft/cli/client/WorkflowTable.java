package dev.weft.cli.client;

import dev.weft.cli.view.Table;
import dev.weft.model.Workflow;
import dev.weft.model.spec.Parameter;
import dev.weft.model.status.NodePhase;
import dev.weft.model.status.NodeStatus;
import dev.weft.model.status.NodeType;
import dev.weft.model.status.WorkflowStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Workflows as `argo list` prints them; wide adds pods pending/running/completed and arguments. */
public final class WorkflowTable {
  private WorkflowTable() {}

  public static Table of(List<Workflow> workflows, boolean wide, boolean namespaces, Instant now) {
    List<String> header = new ArrayList<>();
    if (namespaces) header.add("NAMESPACE");
    header.addAll(List.of("NAME", "STATUS", "AGE", "DURATION", "PRIORITY", "MESSAGE"));
    if (wide) header.addAll(List.of("P/R/C", "PARAMETERS"));
    Table table = new Table(3, header);
    for (Workflow wf : workflows) {
      WorkflowStatus s = wf.status() == null ? WorkflowStatus.empty() : wf.status();
      Instant created = Humanize.parse(wf.metadata().creationTimestamp());
      List<String> row = new ArrayList<>();
      if (namespaces) row.add(wf.metadata().namespaceOrDefault());
      row.add(wf.metadata().name());
      row.add(WorkflowPrinter.status(wf));
      row.add(created == null ? "" : Humanize.shortDuration(Duration.between(created, now)));
      row.add(
          s.startedAt() == null
              ? "0s"
              : Humanize.shortDuration(
                  Duration.between(s.startedAt(), s.finishedAt() == null ? now : s.finishedAt())));
      row.add(
          String.valueOf(
              wf.spec() == null || wf.spec().priority() == null ? 0 : wf.spec().priority()));
      row.add(s.message() == null ? "" : s.message());
      if (wide) {
        row.add(pods(s));
        row.add(parameters(wf));
      }
      table.row(row);
    }
    return table;
  }

  /** Pods pending/running/completed. */
  private static String pods(WorkflowStatus s) {
    int pending = 0;
    int running = 0;
    int completed = 0;
    for (NodeStatus n : s.nodesOrEmpty().values()) {
      if (n.type() != NodeType.Pod) continue;
      if (n.phase() != null && n.phase().fulfilled()) completed++;
      else if (n.phase() == NodePhase.RUNNING) running++;
      else pending++;
    }
    return pending + "/" + running + "/" + completed;
  }

  private static String parameters(Workflow wf) {
    if (wf.spec() == null) return "";
    return wf.spec().argumentsOrEmpty().parametersOrEmpty().stream()
        .filter(p -> p.value() != null)
        .map(p -> p.name() + "=" + truncate(p))
        .collect(Collectors.joining(","));
  }

  private static String truncate(Parameter p) {
    String v = p.value();
    return v.length() <= 50 ? v : v.substring(0, 32) + "..." + v.substring(v.length() - 15);
  }
}
