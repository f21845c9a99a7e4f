package dev.weft.server;

import static dev.weft.server.EventFixtures.store;
import static dev.weft.server.EventFixtures.template;
import static dev.weft.server.EventFixtures.unsigned;
import static dev.weft.server.EventFixtures.workflowsOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.WorkflowEventBinding;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A dedup key is the sender's own: a webhook client cannot, by sending a key first, make another
 * sender's event a "duplicate" of its own (whose payload would then be the one dispatched); and a
 * key sent again with another payload is refused, not answered as if that payload were handled.
 */
class EventDedupScopeApiTest {
  static ServerHarness h;

  @BeforeAll
  static void start() throws Exception {
    h = new ServerHarness();
    EventFixtures.webhookClients(
        h,
        "argo",
        Map.of(
            "ci", "type: gitlab\nsecret: ci-token\n",
            "intruder", "type: gitlab\nsecret: intruder-token\n"));
    template(h, "WorkflowTemplate", "argo", "t");
    store(
        h,
        WorkflowEventBinding.class,
        """
        metadata: {name: release, namespace: argo}
        spec:
          event: {selector: 'payload.release != ""'}
          submit: {workflowTemplateRef: {name: t}}
        """);
  }

  @AfterAll
  static void stop() throws Exception {
    h.close();
  }

  private static ServerHarness.Response send(String token, String key, String body) {
    return h.send(
        unsigned(h, "/api/v1/events/argo/", body.getBytes())
            .header("X-Gitlab-Token", token)
            .header("Idempotency-Key", key)
            .build());
  }

  @Test
  void anotherClientsKeyDoesNotMakeAnEventADuplicate() {
    var first = send("intruder-token", "release-7", "{\"release\": \"forged\"}");
    var second = send("ci-token", "release-7", "{\"release\": \"7\"}");

    assertThat(first.status()).as(first.body()).isEqualTo(200);
    assertThat(second.status()).as(second.body()).isEqualTo(200);
    assertThat(second.json().path("delivery").asText())
        .isNotEqualTo(first.json().path("delivery").asText());
    assertThat(workflowsOf(h, "argo", "release")).hasSize(2);
  }

  @Test
  void theSameKeyWithAnotherPayloadIsRefusedNotTakenForADuplicate() {
    var first = send("ci-token", "release-8", "{\"release\": \"8\"}");
    var second = send("ci-token", "release-8", "{\"release\": \"9\"}");

    assertThat(first.status()).as(first.body()).isEqualTo(200);
    assertThat(second.status()).as(second.body()).isEqualTo(422);
    assertThat(second.json().path("code").asInt()).isEqualTo(3);
    assertThat(second.json().path("message").asText())
        .contains("Idempotency-Key or X-GitHub-Delivery")
        .contains(first.json().path("delivery").asText());
  }

  @Test
  void theSameKeyWithTheSamePayloadReformattedIsADuplicate() {
    var first = send("ci-token", "release-10", "{\"release\": \"10\", \"n\": 1.50}");
    var second = send("ci-token", "release-10", "{\n  \"n\": 1.50,\n  \"release\": \"10\"\n}");

    assertThat(second.status()).as(second.body()).isEqualTo(200);
    assertThat(second.json().path("delivery").asText())
        .isEqualTo(first.json().path("delivery").asText());
  }
}
