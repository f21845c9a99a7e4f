package dev.weft.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Argo's WatchEvents: the Kubernetes Events the controller records for workflows. */
class EventStreamApiTest {
  static ServerHarness h;

  @BeforeAll
  static void start() throws Exception {
    h = new ServerHarness();
  }

  @AfterAll
  static void stop() throws Exception {
    h.close();
  }

  private static String failing(String name) {
    return """
        {"workflow": {"metadata": {"name": "%s"}, "spec": {"entrypoint": "main", "templates": [
          {"name": "main", "container": {"image": "alpine", "command": ["sh", "-c", "exit 3"]}}]}}}
        """
        .formatted(name);
  }

  /** Reads events about {@code name} until one has reason {@code last}. */
  private static List<JsonNode> eventsUntil(String name, String body, String last)
      throws Exception {
    String selector =
        URLEncoder.encode(
            "involvedObject.kind=Workflow,involvedObject.name=" + name, StandardCharsets.UTF_8);
    HttpResponse<InputStream> stream =
        h.client.send(
            h.request("/api/v1/stream/events/default?listOptions.fieldSelector=" + selector)
                .header("Accept", "text/event-stream")
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofInputStream());
    assertThat(stream.statusCode()).isEqualTo(200);
    assertThat(h.post("/api/v1/workflows/default", body).status()).isEqualTo(200);
    List<JsonNode> out = new ArrayList<>();
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
      for (String line; (line = reader.readLine()) != null; ) {
        if (!line.startsWith("data: ")) continue;
        JsonNode event = new ServerHarness.Response(200, line.substring(6)).json().path("result");
        out.add(event);
        if (event.path("reason").asText().equals(last)) break;
      }
    }
    return out;
  }

  private static List<String> reasons(List<JsonNode> events) {
    return events.stream().map(e -> e.path("reason").asText()).toList();
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void aSucceedingWorkflowsEventsAreStreamedAsArgosController() throws Exception {
    List<JsonNode> events =
        eventsUntil("evented", ServerHarness.echoWorkflow("evented", "{}"), "WorkflowSucceeded");

    assertThat(reasons(events))
        .contains("WorkflowRunning", "WorkflowNodeRunning", "WorkflowNodeSucceeded")
        .endsWith("WorkflowSucceeded");
    JsonNode done = events.get(events.size() - 1);
    assertThat(done.path("type").asText()).isEqualTo("Normal");
    assertThat(done.path("message").asText()).isEqualTo("Workflow completed");
    assertThat(done.path("involvedObject").path("kind").asText()).isEqualTo("Workflow");
    assertThat(done.path("involvedObject").path("name").asText()).isEqualTo("evented");
    assertThat(done.path("metadata").path("namespace").asText()).isEqualTo("default");
    JsonNode node =
        events.stream()
            .filter(e -> e.path("reason").asText().equals("WorkflowNodeSucceeded"))
            .findFirst()
            .orElseThrow();
    assertThat(node.path("message").asText()).isEqualTo("Succeeded node evented");
    assertThat(
            node.path("metadata")
                .path("annotations")
                .path("workflows.argoproj.io/node-id")
                .asText())
        .isEqualTo("evented");
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void aFailingWorkflowsEventsAreWarnings() throws Exception {
    List<JsonNode> events = eventsUntil("broken", failing("broken"), "WorkflowFailed");

    assertThat(reasons(events)).contains("WorkflowNodeFailed");
    JsonNode failed = events.get(events.size() - 1);
    assertThat(failed.path("type").asText()).isEqualTo("Warning");
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void eventsAlreadyRecordedComeFirst() throws Exception {
    eventsUntil("earlier", ServerHarness.echoWorkflow("earlier", "{}"), "WorkflowSucceeded");

    String selector = URLEncoder.encode("involvedObject.name=earlier", StandardCharsets.UTF_8);
    HttpResponse<InputStream> again =
        h.client.send(
            h.request("/api/v1/stream/events/default?listOptions.fieldSelector=" + selector)
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofInputStream());
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(again.body(), StandardCharsets.UTF_8))) {
      JsonNode first = new ServerHarness.Response(200, reader.readLine()).json();
      assertThat(first.path("result").path("involvedObject").path("name").asText())
          .isEqualTo("earlier");
    }
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void typeNotNormalLeavesOnlyTheWarnings() throws Exception {
    eventsUntil("warned", failing("warned"), "WorkflowFailed");

    String selector =
        URLEncoder.encode("involvedObject.name=warned,type!=Normal", StandardCharsets.UTF_8);
    HttpResponse<InputStream> again =
        h.client.send(
            h.request("/api/v1/stream/events/default?listOptions.fieldSelector=" + selector)
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofInputStream());
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(again.body(), StandardCharsets.UTF_8))) {
      JsonNode first = new ServerHarness.Response(200, reader.readLine()).json().path("result");
      assertThat(first.path("type").asText()).isEqualTo("Warning");
      assertThat(first.path("reason").asText()).isEqualTo("WorkflowNodeFailed");
    }
  }

  @Test
  void anUnsupportedFieldIsABadRequest() {
    var r = h.get("/api/v1/stream/events/default?listOptions.fieldSelector=spec.x%3Dy");

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().path("message").asText()).contains("spec.x");
  }
}
