package dev.weft.server;

import dev.weft.controller.ControlPlane;
import dev.weft.model.Workflow;
import dev.weft.model.status.WorkflowPhase;
import dev.weft.runtime.MetricsSnapshot;
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
    controller(out, "workflow", plane.workflowMetrics());
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

  /** The Workflow controller's queue and work, as client-go's workqueue metrics name them. */
  private static void controller(StringBuilder out, String name, MetricsSnapshot m) {
    gauge(out, "weft_workqueue_depth", "Keys ready to be reconciled.", name, m.queueDepth());
    gauge(out, "weft_workqueue_waiting", "Keys waiting for a requeue delay.", name, m.waiting());
    counter(out, "weft_workqueue_adds_total", "Keys added to the queue.", name, m.adds());
    counter(
        out,
        "weft_workqueue_retries_total",
        "Rate-limited requeues (errors, conflicts).",
        name,
        m.retries());
    counter(out, "weft_reconcile_errors_total", "Reconciles that threw.", name, m.errors());
    counter(out, "weft_reconcile_total", "Reconciles finished.", name, m.workCount());
    out.append("# HELP weft_reconcile_seconds_total Time spent in finished reconciles.\n")
        .append("# TYPE weft_reconcile_seconds_total counter\n")
        .append("weft_reconcile_seconds_total{controller=\"")
        .append(name)
        .append("\"} ")
        .append(m.workDuration().toNanos() / 1e9)
        .append('\n');
    gauge(out, "weft_reconcile_in_flight", "Reconciles running now.", name, m.inFlight());
  }

  private static void gauge(StringBuilder out, String metric, String help, String c, long v) {
    line(out, metric, help, "gauge", c, v);
  }

  private static void counter(StringBuilder out, String metric, String help, String c, long v) {
    line(out, metric, help, "counter", c, v);
  }

  private static void line(
      StringBuilder out, String metric, String help, String type, String c, long v) {
    out.append("# HELP ").append(metric).append(' ').append(help).append('\n');
    out.append("# TYPE ").append(metric).append(' ').append(type).append('\n');
    out.append(metric).append("{controller=\"").append(c).append("\"} ").append(v).append('\n');
  }

  private static String escape(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }
}
