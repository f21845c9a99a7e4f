package dev.weft.server;

import static dev.weft.server.EventFixtures.store;
import static dev.weft.server.EventFixtures.template;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.WorkflowEventBinding;
import dev.weft.server.events.EventHistory;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A namespace keeps at most the history limit of deliveries, save those dedup still needs. */
class EventHistoryApiTest {
  private ServerHarness h;

  @AfterEach
  void stop() throws Exception {
    h.close();
  }

  private void start(EventHistory history) throws Exception {
    h = new ServerHarness(history);
    template(h, "WorkflowTemplate", "argo", "build");
    store(
        h,
        WorkflowEventBinding.class,
        """
        metadata: {name: always, namespace: argo}
        spec:
          event: {selector: 'true'}
          submit: {workflowTemplateRef: {name: build}}
        """);
  }

  private String send(String idempotencyKey) throws InterruptedException {
    return send(idempotencyKey, "{}");
  }

  private String send(String idempotencyKey, String body) throws InterruptedException {
    Thread.sleep(3); // distinct receivedAt, so that "oldest" is well defined
    HttpRequest.Builder b =
        h.request("/api/v1/events/argo/").POST(HttpRequest.BodyPublishers.ofString(body));
    if (idempotencyKey != null) b.header("Idempotency-Key", idempotencyKey);
    var r = h.send(b.build());
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json().path("delivery").asText();
  }

  private List<String> kept() {
    List<String> names = new ArrayList<>();
    h.get("/api/v1/event-deliveries/argo")
        .json()
        .path("items")
        .forEach(d -> names.add(d.path("metadata").path("name").asText()));
    return names;
  }

  @Test
  void theOldestDispatchedDeliveriesArePrunedAndTheirWorkflowsStay() throws Exception {
    start(new EventHistory(3, Duration.ofHours(72)));
    List<String> sent = new ArrayList<>();
    for (int i = 0; i < 5; i++) sent.add(send(null));

    assertThat(kept()).containsExactly(sent.get(4), sent.get(3), sent.get(2));
    assertThat(h.get("/api/v1/workflows/argo").json().path("items")).hasSize(5);
  }

  @Test
  void aDeliveryWhoseDedupKeyIsInsideTheWindowIsKeptPastTheLimit() throws Exception {
    start(new EventHistory(2, Duration.ofHours(72)));
    String keyed = send("k-1");
    send("k-2");
    send("k-3");

    assertThat(kept()).hasSize(3).contains(keyed);
    assertThat(send("k-1")).isEqualTo(keyed);
    assertThat(h.get("/api/v1/workflows/argo").json().path("items")).hasSize(3);
  }

  @Test
  void aDeliveryWhoseDedupWindowHasPassedIsPrunedLikeAnyOther() throws Exception {
    start(new EventHistory(2, Duration.ZERO));
    String keyed = send("k-1");
    for (int i = 0; i < 3; i++) send(null);

    assertThat(kept()).hasSize(2).doesNotContain(keyed);
  }

  @Test
  void pastTheLimitADeliveryInsideItsWindowKeepsOnlyAStubWithoutItsPayload() throws Exception {
    start(new EventHistory(2, Duration.ofHours(72)));
    String keyed = send("k-1", "{\"big\": \"" + "x".repeat(100_000) + "\"}");
    send("k-2", "{}");
    send("k-3", "{}");

    var stub = h.get("/api/v1/event-deliveries/argo/" + keyed).json();
    assertThat(stub.path("spec").path("payload").isMissingNode()).isTrue();
    assertThat(stub.path("metadata").path("labels").path("events.weft.dev/pruned").asText())
        .isEqualTo("true");
    assertThat(send("k-1", "{\"big\": \"other\"}")).isEqualTo(keyed);
    assertThat(h.get("/api/v1/workflows/argo").json().path("items")).hasSize(3);
  }

  @Test
  void aStubCannotBeRedeliveredAndSaysWhy() throws Exception {
    start(new EventHistory(1, Duration.ofHours(72)));
    String keyed = send("k-1");
    send("k-2");

    var r = h.post("/api/v1/event-deliveries/argo/" + keyed + "/redeliver", "{}");

    assertThat(r.status()).as(r.body()).isEqualTo(400);
    assertThat(r.json().path("message").asText()).contains("payload was pruned");
  }
}
