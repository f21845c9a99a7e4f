package dev.weft.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.model.Workflow;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Follows one workflow through the server's event stream until it completes, as `argo watch` and
 * `argo wait` do; a stream the server ends early is opened again.
 */
public final class WorkflowFollower {
  private static final int REOPENS = 5;

  private WorkflowFollower() {}

  /** Calls {@code onChange} with each new state of the workflow; returns the completed one. */
  public static Workflow follow(
      ApiClient api, String namespace, String name, Consumer<Workflow> onChange) {
    // read it first: a workflow that does not exist would otherwise wait on a silent stream
    Workflow wf = get(api, namespace, name);
    onChange.accept(wf);
    int reopened = 0;
    while (!WorkflowPrinter.completed(wf)) {
      String path =
          ApiClient.path("/api/v1/workflow-events", namespace)
              + "?listOptions.fieldSelector="
              + ApiClient.encode("metadata.name=" + name);
      try (Stream<String> lines = api.lines(path, true)) {
        Iterator<String> it = lines.iterator();
        while (it.hasNext()) {
          Workflow next = event(it.next(), name);
          if (next == null) continue;
          wf = next;
          onChange.accept(wf);
          if (WorkflowPrinter.completed(wf)) return wf;
        }
      } catch (UncheckedIOException broken) {
        // the connection dropped; read the workflow again and reopen below
      }
      if (++reopened > REOPENS) {
        throw ClientException.unreachable(
            "the event stream from " + api.base() + " keeps ending before " + name + " completes");
      }
      sleep();
      wf = get(api, namespace, name);
      onChange.accept(wf);
    }
    return wf;
  }

  /** The workflow in a {@code data: {"result":{"type":..,"object":..}}} line; null for others. */
  private static Workflow event(String line, String name) {
    if (!line.startsWith("data:")) return null; // blank separators and ":" keep-alives
    JsonNode result = Json.parse(line.substring(5).strip(), "an event").path("result");
    if ("DELETED".equals(result.path("type").asText())) {
      throw ClientException.server(404, "workflow " + name + " was deleted");
    }
    JsonNode object = result.path("object");
    return object.isObject() ? Json.read(object, Workflow.class) : null;
  }

  private static Workflow get(ApiClient api, String namespace, String name) {
    return Json.read(api.get(ApiClient.path("/api/v1/workflows", namespace, name)), Workflow.class);
  }

  private static void sleep() {
    try {
      Thread.sleep(500);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ClientException.unreachable("interrupted");
    }
  }
}
