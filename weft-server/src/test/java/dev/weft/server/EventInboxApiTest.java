package dev.weft.server;

import static dev.weft.server.EventFixtures.store;
import static dev.weft.server.EventFixtures.template;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.model.WorkflowEventBinding;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The durable inbox over HTTP: every accepted event is an EventDelivery that says which bindings
 * matched, which did not and why, and which workflows started; an event resent (in sequence or at
 * once) starts each matching binding's workflow once; a resend after a fix starts what failed.
 */
class EventInboxApiTest {
  private ServerHarness h;

  @BeforeEach
  void start() throws Exception {
    h = new ServerHarness();
    template(h, "WorkflowTemplate", "argo", "build");
    binding("build-on-push", "metadata[\"x-github-event\"] == [\"push\"]", "build");
    binding("deploy-on-push", "metadata[\"x-github-event\"] == [\"push\"]", "build");
    binding("on-release", "metadata[\"x-github-event\"] == [\"release\"]", "build");
  }

  @AfterEach
  void stop() throws Exception {
    h.close();
  }

  private void binding(String name, String selector, String template) {
    store(
        h,
        WorkflowEventBinding.class,
        """
        metadata: {name: %s, namespace: argo}
        spec:
          event: {selector: '%s'}
          submit: {workflowTemplateRef: {name: %s}}
        """
            .formatted(name, selector, template));
  }

  private HttpRequest push(String deliveryId) {
    HttpRequest.Builder b =
        h.request("/api/v1/events/argo/")
            .header("X-GitHub-Event", "push")
            .POST(HttpRequest.BodyPublishers.ofString("{\"ref\": \"refs/heads/main\"}"));
    if (deliveryId != null)
      b.header("X-GitHub-Delivery", deliveryId).header("X-GitHub-Hook-ID", "7");
    return b.build();
  }

  private List<String> eventWorkflows() {
    List<String> names = new ArrayList<>();
    h.get("/api/v1/workflows/argo")
        .json()
        .path("items")
        .forEach(wf -> names.add(wf.path("metadata").path("name").asText()));
    return names.stream().sorted().toList();
  }

  @Test
  void aDeliveryRecordsWhichBindingsMatchedWhichDidNotAndWhyAndWhichWorkflowsStarted() {
    var r = h.send(push("d-1"));

    assertThat(r.status()).as(r.body()).isEqualTo(200);
    String name = r.json().path("delivery").asText();
    assertThat(name).matches("ev-[0-9a-f]{20}");
    JsonNode d = h.get("/api/v1/event-deliveries/argo/" + name).json();
    assertThat(d.path("apiVersion").asText()).isEqualTo("weft.dev/v1alpha1");
    assertThat(d.path("metadata").path("labels").path("events.weft.dev/phase").asText())
        .isEqualTo("Dispatched");
    assertThat(d.path("spec").path("payload").toString())
        .isEqualTo("{\"ref\":\"refs/heads/main\"}");
    assertThat(d.path("spec").path("metadata").path("x-github-event").toString())
        .isEqualTo("[\"push\"]");
    assertThat(d.path("spec").path("dedupKey").asText()).isEqualTo("github:7:d-1:argo:");
    JsonNode status = d.path("status");
    assertThat(status.path("phase").asText()).isEqualTo("Dispatched");
    assertThat(status.path("attempts").asInt()).isEqualTo(1);
    JsonNode bindings = status.path("bindings");
    assertThat(bindings).hasSize(3);
    assertThat(bindings.get(0).path("name").asText()).isEqualTo("build-on-push");
    assertThat(bindings.get(0).path("result").asText()).isEqualTo("Submitted");
    assertThat(bindings.get(1).path("name").asText()).isEqualTo("deploy-on-push");
    assertThat(bindings.get(2).path("result").asText()).isEqualTo("NotMatched");
    assertThat(bindings.get(2).path("message").asText())
        .isEqualTo("metadata[\"x-github-event\"] == [\"release\"]");
    List<String> started =
        List.of(
            bindings.get(0).path("workflow").asText(), bindings.get(1).path("workflow").asText());
    assertThat(started.get(0)).matches("build-on-push-[0-9a-f]{10}");
    assertThat(status.path("workflows").toString())
        .isEqualTo(r.json().path("workflows").toString());
    assertThat(eventWorkflows()).containsExactlyElementsOf(started);
    JsonNode wf = h.get("/api/v1/workflows/argo/" + started.get(0)).json();
    assertThat(wf.path("metadata").path("labels").path("events.weft.dev/delivery").asText())
        .isEqualTo(name);
  }

  @Test
  void theAnswerNamesTheDeliveryInAHeader() throws Exception {
    var response = h.client.send(push("d-h"), java.net.http.HttpResponse.BodyHandlers.ofString());

    assertThat(response.headers().firstValue("X-Weft-Event-Delivery"))
        .contains(json().readTree(response.body()).path("delivery").asText());
  }

  private static com.fasterxml.jackson.databind.ObjectMapper json() {
    return dev.weft.model.codec.Codec.json();
  }

  @Test
  void aFailedDispatchAnswersArgos500AndStillNamesTheDelivery() throws Exception {
    binding("test-on-push", "metadata[\"x-github-event\"] == [\"push\"]", "test");

    var response = h.client.send(push("d-f"), java.net.http.HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(json().readTree(response.body()).path("code").asInt()).isEqualTo(13);
    String name = response.headers().firstValue("X-Weft-Event-Delivery").orElseThrow();
    JsonNode failed = h.get("/api/v1/event-deliveries/argo/" + name).json().path("status");
    assertThat(failed.path("bindings").get(3).path("result").asText()).isEqualTo("Failed");
    assertThat(failed.path("bindings").get(3).path("message").asText())
        .isEqualTo(
            "failed to get workflow template: workflowtemplates.argoproj.io \"test\" not found");
  }

  @Test
  void aGithubDeliverySentTwiceStartsOneWorkflowPerMatchingBinding() {
    var first = h.send(push("d-2"));
    var second = h.send(push("d-2"));

    assertThat(second.status()).as(second.body()).isEqualTo(200);
    assertThat(second.json().path("delivery")).isEqualTo(first.json().path("delivery"));
    assertThat(second.json().path("workflows")).isEqualTo(first.json().path("workflows"));
    assertThat(eventWorkflows()).hasSize(2);
    JsonNode d =
        h.get("/api/v1/event-deliveries/argo/" + first.json().path("delivery").asText()).json();
    assertThat(d.path("status").path("attempts").asInt()).isEqualTo(2);
  }

  @Test
  void twentyConcurrentCopiesOfOneDeliveryStartOneWorkflowPerMatchingBinding() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(20);
    try {
      List<Callable<ServerHarness.Response>> sends = new ArrayList<>();
      for (int i = 0; i < 20; i++) sends.add(() -> h.send(push("d-3")));
      List<String> deliveries = new ArrayList<>();
      for (Future<ServerHarness.Response> f : pool.invokeAll(sends)) {
        assertThat(f.get().status()).as(f.get().body()).isEqualTo(200);
        deliveries.add(f.get().json().path("delivery").asText());
      }
      assertThat(deliveries).containsOnly(deliveries.get(0));
      assertThat(eventWorkflows()).hasSize(2);
      JsonNode d = h.get("/api/v1/event-deliveries/argo/" + deliveries.get(0)).json();
      assertThat(d.path("status").path("attempts").asInt()).isEqualTo(20);
      assertThat(d.path("status").path("workflows")).hasSize(2);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aResendAfterFixingAFailingBindingStartsItsWorkflowOnce() {
    binding("test-on-push", "metadata[\"x-github-event\"] == [\"push\"]", "test");

    var failed = h.send(push("d-4"));
    assertThat(failed.status()).isEqualTo(500);
    assertThat(failed.json().path("message").asText())
        .contains("workflowtemplates.argoproj.io \"test\" not found");
    assertThat(eventWorkflows()).hasSize(2);

    template(h, "WorkflowTemplate", "argo", "test");
    var fixed = h.send(push("d-4"));
    var again = h.send(push("d-4"));

    assertThat(fixed.status()).as(fixed.body()).isEqualTo(200);
    assertThat(fixed.json().path("workflows")).hasSize(3);
    assertThat(again.json().path("workflows")).isEqualTo(fixed.json().path("workflows"));
    assertThat(eventWorkflows()).hasSize(3);
  }

  @Test
  void anIdempotencyKeyDedupsWithinItsPathOnly() {
    HttpRequest.Builder once =
        h.request("/api/v1/events/argo/ci")
            .header("Idempotency-Key", "k-1")
            .header("X-GitHub-Event", "push")
            .POST(HttpRequest.BodyPublishers.ofString("{}"));
    var first = h.send(once.build());
    var second = h.send(once.build());
    var otherPath =
        h.send(
            h.request("/api/v1/events/argo/cd")
                .header("Idempotency-Key", "k-1")
                .header("X-GitHub-Event", "push")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build());

    assertThat(second.json().path("delivery")).isEqualTo(first.json().path("delivery"));
    assertThat(otherPath.json().path("delivery")).isNotEqualTo(first.json().path("delivery"));
    assertThat(eventWorkflows()).hasSize(4);
  }

  @Test
  void anEventWithoutDedupKeyIsRecordedEachTime() {
    var first = h.send(push(null));
    var second = h.send(push(null));

    assertThat(second.json().path("delivery")).isNotEqualTo(first.json().path("delivery"));
    assertThat(eventWorkflows()).hasSize(4);
  }

  @Test
  void anEventRefusedForItsSignatureLeavesNothingRecorded() {
    EventFixtures.webhookClients(h, "argo", Map.of("github", "type: github\nsecret: shh!\n"));

    var r =
        h.send(
            EventFixtures.unsigned(h, "/api/v1/events/argo/", "{}".getBytes())
                .header("X-GitHub-Event", "push")
                .header("X-GitHub-Delivery", "d-5")
                .header("X-Hub-Signature-256", "sha256=" + "0".repeat(64))
                .build());

    assertThat(r.status()).isEqualTo(401);
    assertThat(h.get("/api/v1/event-deliveries/argo").json().path("items")).isEmpty();
    assertThat(eventWorkflows()).isEmpty();
  }

  @Test
  void aBodyThatIsNotJsonIsRefusedAndNothingIsRecorded() {
    var r =
        h.send(
            h.request("/api/v1/events/argo/")
                .header("X-GitHub-Delivery", "d-bad")
                .POST(HttpRequest.BodyPublishers.ofString("{\"ref\": "))
                .build());

    assertThat(r.status()).isEqualTo(400);
    assertThat(h.get("/api/v1/event-deliveries/argo").json().path("items")).isEmpty();
  }

  @Test
  void redeliverEvaluatesANewBindingAndNeverSubmitsAgainOneThatDid() {
    String name = h.send(push("d-6")).json().path("delivery").asText();
    binding("lint-on-push", "metadata[\"x-github-event\"] == [\"push\"]", "build");

    var r = h.post("/api/v1/event-deliveries/argo/" + name + "/redeliver", "");

    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.json().path("delivery").asText()).isEqualTo(name);
    assertThat(r.json().path("workflows")).hasSize(3);
    assertThat(eventWorkflows()).hasSize(3);
  }

  @Test
  void redeliveringAnUnknownDeliveryIs404() {
    var r = h.post("/api/v1/event-deliveries/argo/ev-00000000000000000000/redeliver", "");

    assertThat(r.status()).isEqualTo(404);
    assertThat(r.json().path("message").asText())
        .isEqualTo("eventdeliveries.weft.dev \"ev-00000000000000000000\" not found");
  }

  @Test
  void theDeliveriesAreListedNewestFirstInArgosListShape() throws Exception {
    String older = h.send(push("d-7")).json().path("delivery").asText();
    Thread.sleep(5);
    String newer = h.send(push("d-8")).json().path("delivery").asText();

    JsonNode list = h.get("/api/v1/event-deliveries/argo").json();

    assertThat(list.path("metadata").path("resourceVersion").asText()).isNotEmpty();
    assertThat(list.path("items").get(0).path("metadata").path("name").asText()).isEqualTo(newer);
    assertThat(list.path("items").get(1).path("metadata").path("name").asText()).isEqualTo(older);
  }

  @Test
  void theDeliveriesApiWantsTheToken() {
    var r = h.send(HttpRequest.newBuilder(h.uri("/api/v1/event-deliveries/argo")).GET().build());

    assertThat(r.status()).isEqualTo(401);
  }
}
