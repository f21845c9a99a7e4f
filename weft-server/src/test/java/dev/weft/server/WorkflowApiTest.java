package dev.weft.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.controller.workflow.PendingResumes;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class WorkflowApiTest {
  static ServerHarness h;

  @BeforeAll
  static void start() throws Exception {
    h = new ServerHarness();
  }

  @AfterAll
  static void stop() throws Exception {
    h.close();
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void createGetListRunLogsAndDelete() throws Exception {
    var created =
        h.post(
            "/api/v1/workflows/default", ServerHarness.echoWorkflow("hello", "{\"team\":\"a\"}"));
    assertThat(created.status()).as(created.body()).isEqualTo(200);
    assertThat(created.json().path("metadata").path("uid").asText()).isNotEmpty();
    assertThat(
            h.get("/api/v1/workflows/default/hello").json().path("metadata").path("name").asText())
        .isEqualTo("hello");
    h.post("/api/v1/workflows/default", ServerHarness.echoWorkflow("other", "{\"team\":\"b\"}"));

    var list = h.get("/api/v1/workflows/default?listOptions.labelSelector=team%3Da");
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.json().path("metadata").path("resourceVersion").asText()).isNotEmpty();
    assertThat(list.json().path("items")).hasSize(1);
    assertThat(list.json().path("items").get(0).path("metadata").path("name").asText())
        .isEqualTo("hello");
    var byName = h.get("/api/v1/workflows/default?listOptions.fieldSelector=metadata.name%3Dother");
    assertThat(byName.json().path("items")).hasSize(1);
    assertThat(h.get("/api/v1/workflows/default?listOptions.labelSelector=in%20(").status())
        .isEqualTo(400);

    JsonNode done = h.awaitPhase("default", "hello", "Succeeded");
    String pod = null;
    for (JsonNode n : done.path("status").path("nodes")) {
      if (n.hasNonNull("podName")) pod = n.path("podName").asText();
    }
    assertThat(pod).isNotNull();
    var logs =
        h.get("/api/v1/workflows/default/hello/log?podName=" + pod + "&logOptions.container=main");
    assertThat(logs.status()).isEqualTo(200);
    JsonNode line =
        new ServerHarness.Response(200, logs.body().lines().findFirst().orElse("{}")).json();
    assertThat(line.path("result").path("content").asText()).isEqualTo("hello");
    assertThat(line.path("result").path("podName").asText()).isEqualTo(pod);

    assertThat(
            h.post("/api/v1/workflows/default", ServerHarness.echoWorkflow("hello", "{}")).status())
        .isEqualTo(409);
    assertThat(h.delete("/api/v1/workflows/default/hello").status()).isEqualTo(200);
    assertThat(h.get("/api/v1/workflows/default/hello").status()).isEqualTo(404);
  }

  @Test
  void lintNamesTheProblem() {
    String bad =
        "{\"workflow\": {\"metadata\": {\"name\": \"bad\"},\n"
            + " \"spec\": {\"entrypoint\": \"missing\", \"templates\": [\n"
            + "  {\"name\": \"main\", \"container\": {\"image\": \"busybox\"}}]}}}";
    var r = h.post("/api/v1/workflows/default/lint", bad);
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().path("message").asText()).contains("body:").contains("missing");
    var ok = h.post("/api/v1/workflows/default/lint", ServerHarness.echoWorkflow("fine", "{}"));
    assertThat(ok.status()).as(ok.body()).isEqualTo(200);
    assertThat(h.get("/api/v1/workflows/default/fine").status()).isEqualTo(404);
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void suspendStepIsResumedBySelector() throws Exception {
    String wf =
        """
        {"workflow": {"metadata": {"name": "approval"}, "spec": {"entrypoint": "main",
          "templates": [
            {"name": "main", "steps": [[{"name": "approve", "template": "wait"}],
                                       [{"name": "after", "template": "echo"}]]},
            {"name": "wait", "suspend": {}},
            {"name": "echo", "container": {"image": "busybox", "command": ["echo", "ok"]}}]}}}
        """;
    assertThat(h.post("/api/v1/workflows/default", wf).status()).isEqualTo(200);
    while (WorkflowActions.suspended(
            ServerHarnessJson.workflow(h.get("/api/v1/workflows/default/approval").body()),
            "displayName=approve")
        .isEmpty()) {
      Thread.sleep(100);
    }
    var resumed =
        h.put(
            "/api/v1/workflows/default/approval/resume",
            "{\"nodeFieldSelector\":\"displayName=approve\"}");
    assertThat(resumed.status()).as(resumed.body()).isEqualTo(200);
    h.awaitPhase("default", "approval", "Succeeded");
    assertThat(h.put("/api/v1/workflows/default/approval/suspend", "{}").status()).isEqualTo(400);
  }

  @Test
  void createWithArgosDryRunOptionCreatesNothing() {
    String body =
        ServerHarness.echoWorkflow("dry", "{}")
            .replaceFirst(
                "\\{\"workflow\"", "{\"createOptions\": {\"dryRun\": [\"All\"]}, \"workflow\"");

    var r = h.post("/api/v1/workflows/default", body);

    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.json().path("metadata").path("name").asText()).isEqualTo("dry");
    assertThat(h.get("/api/v1/workflows/default/dry").status()).isEqualTo(404);
  }

  private static String approval(String name) {
    return """
        {"workflow": {"metadata": {"name": "%s"}, "spec": {"entrypoint": "main",
          "templates": [
            {"name": "main", "steps": [[{"name": "approve", "template": "wait"}]]},
            {"name": "wait", "suspend": {}}]}}}
        """
        .formatted(name);
  }

  private static void awaitSuspended(String name) throws Exception {
    while (WorkflowActions.suspended(
            ServerHarnessJson.workflow(h.get("/api/v1/workflows/default/" + name).body()),
            "displayName=approve")
        .isEmpty()) {
      Thread.sleep(100);
    }
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void setFailedEndsTheSelectedSuspendNodeWithItsMessage() throws Exception {
    h.post("/api/v1/workflows/default", approval("rejected"));
    awaitSuspended("rejected");

    var set =
        h.put(
            "/api/v1/workflows/default/rejected/set",
            "{\"nodeFieldSelector\":\"displayName=approve\",\"phase\":\"Failed\",\"message\":\"no\"}");

    assertThat(set.status()).as(set.body()).isEqualTo(200);
    var wf = h.awaitPhase("default", "rejected", "Failed");
    assertThat(wf.toString()).contains("\"message\":\"no\"");
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void setWhileTheWorkflowIsSuspendedIsStoredAndTakesEffectOnResume() throws Exception {
    h.post("/api/v1/workflows/default", approval("held"));
    awaitSuspended("held");
    assertThat(h.put("/api/v1/workflows/default/held/suspend", "{}").status()).isEqualTo(200);

    var set =
        h.put(
            "/api/v1/workflows/default/held/set",
            "{\"nodeFieldSelector\":\"displayName=approve\",\"phase\":\"Failed\",\"message\":\"no\"}");

    assertThat(set.status()).as(set.body()).isEqualTo(200);
    assertThat(
            h.get("/api/v1/workflows/default/held")
                .json()
                .path("metadata")
                .path("annotations")
                .path(PendingResumes.ANNOTATION)
                .asText())
        .contains("\"phase\":\"Failed\"");
    assertThat(h.put("/api/v1/workflows/default/held/resume", "{}").status()).isEqualTo(200);
    var wf = h.awaitPhase("default", "held", "Failed");
    assertThat(wf.toString()).contains("\"message\":\"no\"");
    assertThat(wf.path("metadata").path("annotations").has(PendingResumes.ANNOTATION)).isFalse();
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void stopWithANodeSelectorFailsOnlyThatSuspendNode() throws Exception {
    h.post("/api/v1/workflows/default", approval("halted"));
    awaitSuspended("halted");

    var stopped =
        h.put(
            "/api/v1/workflows/default/halted/stop",
            "{\"nodeFieldSelector\":\"displayName=approve\",\"message\":\"enough\"}");

    assertThat(stopped.status()).as(stopped.body()).isEqualTo(200);
    var wf = h.awaitPhase("default", "halted", "Failed");
    assertThat(wf.path("spec").path("shutdown").isMissingNode()).isTrue();
    assertThat(wf.toString()).contains("\"message\":\"enough\"");
  }

  @Test
  @Timeout(value = 20, unit = TimeUnit.SECONDS)
  void stopEndsALongStepFailed() throws Exception {
    String wf =
        """
        {"workflow": {"metadata": {"name": "sleeper"}, "spec": {"entrypoint": "main",
          "templates": [{"name": "main",
            "container": {"image": "busybox", "command": ["sleep", "60"]}}]}}}
        """;
    assertThat(h.post("/api/v1/workflows/default", wf).status()).isEqualTo(200);
    h.awaitPhase("default", "sleeper", "Running");
    var stopped = h.put("/api/v1/workflows/default/sleeper/stop", "{}");
    assertThat(stopped.status()).as(stopped.body()).isEqualTo(200);
    h.awaitPhase("default", "sleeper", "Failed");
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void eventsStreamAddedAndModifiedAsServerSentEventsWhenAskedFor() throws Exception {
    HttpResponse<InputStream> stream =
        h.client.send(
            h.request(
                    "/api/v1/workflow-events/default?listOptions.fieldSelector=metadata.name%3Dwatched")
                .header("Accept", "text/event-stream")
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofInputStream());
    assertThat(stream.statusCode()).isEqualTo(200);
    assertThat(stream.headers().firstValue("Content-Type")).hasValue("text/event-stream");
    h.post("/api/v1/workflows/default", ServerHarness.echoWorkflow("watched", "{}"));
    Set<String> types = new HashSet<>();
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
      String line;
      while (!types.containsAll(Set.of("ADDED", "MODIFIED"))
          && (line = reader.readLine()) != null) {
        if (!line.startsWith("data: ")) continue;
        JsonNode event = new ServerHarness.Response(200, line.substring(6)).json();
        assertThat(event.path("result").path("object").path("metadata").path("name").asText())
            .isEqualTo("watched");
        types.add(event.path("result").path("type").asText());
      }
    }
    assertThat(types).contains("ADDED", "MODIFIED");
  }

  @Test
  void metricsShowWorkflowsByPhaseAndRequests() {
    h.get("/api/v1/workflows/default");
    var r = h.get("/metrics");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body())
        .contains("# TYPE argo_workflows_count gauge")
        .contains("argo_workflows_count{status=\"Succeeded\"}")
        .contains(
            "weft_http_requests_total{method=\"GET\",path=\"/api/v1/workflows/{namespace}\",code=\"200\"}");
  }

  @Test
  void metricsShowTheWorkflowControllersQueueAndWork() throws Exception {
    h.post("/api/v1/workflows/default", ServerHarness.echoWorkflow("metered", "{}"));
    h.awaitPhase("default", "metered", "Succeeded");

    var r = h.get("/metrics");

    assertThat(r.body())
        .contains("# TYPE weft_workqueue_depth gauge")
        .contains("weft_workqueue_depth{controller=\"workflow\"} ")
        .contains("weft_workqueue_retries_total{controller=\"workflow\"} ")
        .containsPattern("weft_reconcile_total\\{controller=\"workflow\"\\} [1-9]")
        .contains("weft_reconcile_seconds_total{controller=\"workflow\"} ");
  }
}
