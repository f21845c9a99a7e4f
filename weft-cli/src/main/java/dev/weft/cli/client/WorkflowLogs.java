package dev.weft.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.model.Workflow;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Prints a workflow's pod logs as {@code pod: line}, as `argo logs` does. The server answers with
 * the logs so far, so following is polling: each round prints the lines not printed before, until
 * the workflow has completed.
 */
public final class WorkflowLogs {
  private static final long POLL_MILLIS = 500;
  private final ApiClient api;
  private final String namespace;
  private final String name;
  private final Map<String, Integer> printed = new HashMap<>();

  public WorkflowLogs(ApiClient api, String namespace, String name) {
    this.api = api;
    this.namespace = namespace;
    this.name = name;
  }

  /** Prints the logs of {@code pod} (null: every pod) and, with {@code follow}, those to come. */
  public void print(PrintStream out, String pod, String container, boolean follow) {
    while (true) {
      boolean done =
          !follow
              || WorkflowPrinter.completed(
                  Json.read(
                      api.get(ApiClient.path("/api/v1/workflows", namespace, name)),
                      Workflow.class));
      printNew(out, pod, container);
      if (done) return;
      try {
        Thread.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private void printNew(PrintStream out, String pod, String container) {
    StringBuilder path =
        new StringBuilder(ApiClient.path("/api/v1/workflows", namespace, name, "log"));
    path.append("?logOptions.container=").append(ApiClient.encode(container));
    if (pod != null) path.append("&podName=").append(ApiClient.encode(pod));
    Map<String, Integer> seen = new HashMap<>();
    try (Stream<String> lines = api.lines(path.toString())) {
      Iterator<String> it = lines.iterator();
      while (it.hasNext()) {
        String line = it.next();
        if (line.isBlank()) continue;
        JsonNode result = Json.parse(line, "a log line").path("result");
        String from = result.path("podName").asText("");
        int index = seen.merge(from, 1, Integer::sum);
        if (index > printed.getOrDefault(from, 0)) {
          out.println(from + ": " + result.path("content").asText(""));
          printed.put(from, index);
        }
      }
    }
  }
}
