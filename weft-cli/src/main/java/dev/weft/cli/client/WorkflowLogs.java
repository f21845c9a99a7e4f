package dev.weft.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.util.Iterator;
import java.util.stream.Stream;

/**
 * Prints a workflow's pod logs as {@code pod: line}, as `argo logs` does; with follow, the server
 * keeps the stream open and sends new lines (and pods) until the workflow completes.
 */
public final class WorkflowLogs {
  private final ApiClient api;
  private final String namespace;
  private final String name;

  public WorkflowLogs(ApiClient api, String namespace, String name) {
    this.api = api;
    this.namespace = namespace;
    this.name = name;
  }

  /** Prints the logs of {@code pod} (null: every pod) and, with {@code follow}, those to come. */
  public void print(PrintStream out, String pod, String container, boolean follow) {
    StringBuilder path =
        new StringBuilder(ApiClient.path("/api/v1/workflows", namespace, name, "log"));
    path.append("?logOptions.container=").append(ApiClient.encode(container));
    if (pod != null) path.append("&podName=").append(ApiClient.encode(pod));
    if (follow) path.append("&logOptions.follow=true");
    try (Stream<String> lines = api.lines(path.toString(), false)) {
      Iterator<String> it = lines.iterator();
      while (it.hasNext()) {
        String line = it.next();
        if (line.isBlank()) continue; // keep-alives
        JsonNode result = Json.parse(line, "a log line").path("result");
        out.println(result.path("podName").asText("") + ": " + result.path("content").asText(""));
        out.flush();
      }
    }
  }
}
