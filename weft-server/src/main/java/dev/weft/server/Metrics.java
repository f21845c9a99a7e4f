package dev.weft.server;

import dev.weft.controller.ControlPlane;
import dev.weft.model.Workflow;
import dev.weft.model.status.WorkflowPhase;
import dev.weft.store.LabelSelector;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** The server's metrics in Prometheus' text format: counters kept here, gauges read on scrape. */
public final class Metrics {
  private record RequestKey(String method, String path, int code) {}

  private final Map<RequestKey, LongAdder> requests = new ConcurrentHashMap<>();

  public void countRequest(String method, String pathTemplate, int code) {
    requests
        .computeIfAbsent(new RequestKey(method, pathTemplate, code), k -> new LongAdder())
        .increment();
  }

  public String render(ControlPlane plane) {
    StringBuilder out = new StringBuilder();
    Map<WorkflowPhase, Integer> phases = new EnumMap<>(WorkflowPhase.class);
    for (WorkflowPhase p : WorkflowPhase.values()) phases.put(p, 0);
    for (Workflow wf : plane.store().list(Workflow.class, null, LabelSelector.everything())) {
      WorkflowPhase p =
          wf.status() == null || wf.status().phase() == null
              ? WorkflowPhase.PENDING
              : wf.status().phase();
      phases.merge(p, 1, Integer::sum);
    }
    out.append("# HELP argo_workflows_count Number of Workflows currently accessible by the")
        .append(" controller by status.\n# TYPE argo_workflows_count gauge\n");
    phases.forEach(
        (p, n) ->
            out.append("argo_workflows_count{status=\"")
                .append(p.label())
                .append("\"} ")
                .append(n)
                .append('\n'));
    out.append("# HELP weft_pods_running Pods (step processes) running now.\n")
        .append("# TYPE weft_pods_running gauge\n")
        .append("weft_pods_running ")
        .append(plane.pods().runningCount())
        .append('\n');
    out.append("# HELP weft_http_requests_total HTTP requests by method, path template and code.\n")
        .append("# TYPE weft_http_requests_total counter\n");
    Map<String, Long> sorted = new TreeMap<>();
    requests.forEach(
        (k, v) ->
            sorted.put(
                "weft_http_requests_total{method=\""
                    + escape(k.method())
                    + "\",path=\""
                    + escape(k.path())
                    + "\",code=\""
                    + k.code()
                    + "\"}",
                v.sum()));
    sorted.forEach((k, v) -> out.append(k).append(' ').append(v).append('\n'));
    return out.toString();
  }

  private static String escape(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }
}
