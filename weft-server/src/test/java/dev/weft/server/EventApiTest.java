package dev.weft.server;

import static dev.weft.server.EventFixtures.GITHUB_PUSH;
import static dev.weft.server.EventFixtures.GITHUB_PUSH_SIGNATURE;
import static dev.weft.server.EventFixtures.store;
import static dev.weft.server.EventFixtures.template;
import static dev.weft.server.EventFixtures.unsigned;
import static dev.weft.server.EventFixtures.workflowsOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.model.WorkflowEventBinding;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Argo's e2e event tests (test/e2e/argo_server_test.go) over HTTP against a real server: the same
 * bindings, requests, statuses and labels.
 */
class EventApiTest {
  private ServerHarness h;

  @BeforeEach
  void start() throws Exception {
    h = new ServerHarness();
  }

  @AfterEach
  void stop() throws Exception {
    h.close();
  }

  @Test
  void aSignedGithubPushWithoutTokenSubmitsTheTemplate() {
    EventFixtures.webhookClients(h, "argo", Map.of("github", "type: github\nsecret: shh!\n"));
    template(h, "WorkflowTemplate", "argo", "github-webhook");
    store(
        h,
        WorkflowEventBinding.class,
        """
        metadata: {name: github-webhook, namespace: argo}
        spec:
          event:
            selector: metadata["x-github-event"] == ["push"]
          submit:
            workflowTemplateRef:
              name: github-webhook
        """);

    var r =
        h.send(
            unsigned(h, "/api/v1/events/argo/", GITHUB_PUSH)
                .header("X-Github-Event", "push")
                .header("X-Hub-Signature-256", GITHUB_PUSH_SIGNATURE)
                .build());

    assertThat(r.status()).as(r.body()).isEqualTo(200);
    List<JsonNode> wfs = workflowsOf(h, "argo", "github-webhook");
    assertThat(wfs).hasSize(1);
    // Argo answers {}; Weft's answer extends it with the delivery and its workflows
    assertThat(r.json().path("workflows").get(0).asText())
        .isEqualTo(wfs.get(0).path("metadata").path("name").asText());
    assertThat(
            wfs.get(0)
                .path("metadata")
                .path("labels")
                .path("workflows.argoproj.io/workflow-template")
                .asText())
        .isEqualTo("github-webhook");
  }

  @Test
  void anEventsPayloadBecomesTheWorkflowsParameter() {
    store(
        h,
        WorkflowEventBinding.class,
        """
        metadata: {name: event-consumer, namespace: argo}
        spec:
          event:
            selector: payload.appellation != "" && metadata["x-argo-e2e"] == ["true"]
          submit:
            workflowTemplateRef:
              name: event-consumer
            arguments:
              parameters:
                - name: appellation
                  valueFrom:
                    event: payload.appellation
        """);
    template(h, "WorkflowTemplate", "argo", "event-consumer");

    var r =
        h.send(
            h.request("/api/v1/events/argo/")
                .header("X-Argo-E2E", "true")
                .POST(HttpRequest.BodyPublishers.ofString("{\"appellation\": \"Mr Chips\"}"))
                .build());

    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonNode wf = workflowsOf(h, "argo", "event-consumer").get(0);
    assertThat(
            wf.path("metadata")
                .path("labels")
                .path("workflows.argoproj.io/workflow-template")
                .asText())
        .isEqualTo("event-consumer");
    assertThat(wf.path("spec").path("arguments").path("parameters").get(0).toString())
        .isEqualTo("{\"name\":\"appellation\",\"value\":\"Mr Chips\"}");
  }

  @Test
  void aSelectorOfUnquotedTrueSubmitsAClusterTemplate() {
    store(
        h,
        WorkflowEventBinding.class,
        """
        metadata: {name: event-consumer, namespace: argo}
        spec:
          event:
            selector: true
          submit:
            workflowTemplateRef:
              name: event-consumer
              clusterScope: true
        """);
    template(h, "ClusterWorkflowTemplate", null, "event-consumer");

    var r =
        h.send(
            h.request("/api/v1/events/argo/")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build());

    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(
            workflowsOf(h, "argo", "event-consumer")
                .get(0)
                .path("metadata")
                .path("labels")
                .path("workflows.argoproj.io/cluster-workflow-template")
                .asText())
        .isEqualTo("event-consumer");
  }

  @Test
  void aMalformedBindingIsAcceptedAndItsEventAnswers500WithArgosMessage() {
    var created =
        h.post(
            "/api/v1/workflow-event-bindings/argo",
            "{\"workflowEventBinding\": {\"metadata\": {\"name\": \"malformed\"}}}");
    assertThat(created.status()).as(created.body()).isEqualTo(200);

    var r =
        h.send(
            h.request("/api/v1/events/argo/")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build());

    assertThat(r.status()).isEqualTo(500);
    assertThat(r.json().path("code").asInt()).isEqualTo(13);
    assertThat(r.json().path("message").asText())
        .isEqualTo(
            "failed to dispatch event: [failed to evaluate workflow template expression:"
                + " unexpected token EOF]");
  }

  @Test
  @org.junit.jupiter.api.Timeout(30)
  void aMalformedBindingGetsAWarningEventAsArgoRecordsOne() throws Exception {
    store(h, WorkflowEventBinding.class, "metadata: {name: malformed, namespace: argo}");
    h.send(
        h.request("/api/v1/events/argo/").POST(HttpRequest.BodyPublishers.ofString("{}")).build());

    String selector =
        java.net.URLEncoder.encode(
            "involvedObject.kind=WorkflowEventBinding", java.nio.charset.StandardCharsets.UTF_8);
    var stream =
        h.client.send(
            h.request("/api/v1/stream/events/argo?listOptions.fieldSelector=" + selector)
                .header("Accept", "text/event-stream")
                .GET()
                .build(),
            java.net.http.HttpResponse.BodyHandlers.ofLines());
    String first;
    try (var lines = stream.body()) {
      first = lines.filter(l -> l.startsWith("data: ")).findFirst().orElseThrow().substring(6);
    }
    JsonNode event = new ServerHarness.Response(200, first).json().path("result");
    assertThat(event.path("involvedObject").path("name").asText()).isEqualTo("malformed");
    assertThat(event.path("involvedObject").path("namespace").asText()).isEqualTo("argo");
    assertThat(event.path("reason").asText()).isEqualTo("WorkflowEventBindingError");
    assertThat(event.path("type").asText()).isEqualTo("Warning");
    assertThat(event.path("message").asText())
        .isEqualTo(
            "failed to dispatch event: failed to evaluate workflow template expression: unexpected"
                + " token EOF");
  }

  @Test
  void aParameterCanComeFromTheMetadata() {
    template(h, "WorkflowTemplate", "argo", "t");
    store(
        h,
        WorkflowEventBinding.class,
        """
        metadata: {name: from-header, namespace: argo}
        spec:
          event: {selector: "true"}
          submit:
            workflowTemplateRef: {name: t}
            arguments:
              parameters:
                - name: kind
                  valueFrom: {event: 'metadata["x-github-event"][0]'}
        """);

    var r =
        h.send(
            h.request("/api/v1/events/argo/d")
                .header("X-GitHub-Event", "pull_request")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build());

    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(
            workflowsOf(h, "argo", "from-header")
                .get(0)
                .path("spec")
                .path("arguments")
                .path("parameters")
                .get(0)
                .path("value")
                .asText())
        .isEqualTo("pull_request");
  }

  @Test
  void anEventNoBindingMatchesAnswers200AndCreatesNothing() {
    template(h, "WorkflowTemplate", "argo", "t");
    store(
        h,
        WorkflowEventBinding.class,
        """
        metadata: {name: never, namespace: argo}
        spec:
          event: {selector: discriminator == "other"}
          submit: {workflowTemplateRef: {name: t}}
        """);

    var r =
        h.send(
            h.request("/api/v1/events/argo/mine")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build());

    assertThat(r.status()).isEqualTo(200);
    assertThat(workflowsOf(h, "argo", "never")).isEmpty();
  }

  @Test
  void aBodyThatIsNotJsonIs400() {
    var r =
        h.send(
            h.request("/api/v1/events/argo/")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{not json"))
                .build());
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().path("code").asInt()).isEqualTo(3);
  }

  @Test
  void aBodyOver2MiBIs413() {
    byte[] big = new byte[EventHandlers.MAX_BODY_BYTES + 1];
    java.util.Arrays.fill(big, (byte) ' ');
    var r =
        h.send(
            h.request("/api/v1/events/argo/")
                .POST(HttpRequest.BodyPublishers.ofByteArray(big))
                .build());
    assertThat(r.status()).isEqualTo(413);
  }
}
