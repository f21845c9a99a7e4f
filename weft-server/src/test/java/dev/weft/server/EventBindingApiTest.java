package dev.weft.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** /api/v1/workflow-event-bindings: Argo's list, and create, get and delete as for other kinds. */
class EventBindingApiTest {
  static ServerHarness h;

  @BeforeAll
  static void start() throws Exception {
    h = new ServerHarness();
  }

  @AfterAll
  static void stop() throws Exception {
    h.close();
  }

  private static ServerHarness.Response create(String ns, String name, String selector) {
    return h.post(
        "/api/v1/workflow-event-bindings/" + ns,
        """
        {"workflowEventBinding": {"metadata": {"name": "%s"},
          "spec": {"event": {"selector": "%s"},
                   "submit": {"workflowTemplateRef": {"name": "t"}}}}}
        """
            .formatted(name, selector));
  }

  @Test
  void aCreatedBindingIsReturnedWithItsKindAndNamespace() {
    var r = create("listing", "b1", "true");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.json().path("kind").asText()).isEqualTo("WorkflowEventBinding");
    assertThat(r.json().path("apiVersion").asText()).isEqualTo("argoproj.io/v1alpha1");
    assertThat(r.json().path("metadata").path("namespace").asText()).isEqualTo("listing");
  }

  @Test
  void theListHasArgosShapeAndOnlyItsNamespace() {
    create("list-a", "one", "true");
    create("list-b", "two", "true");
    var r = h.get("/api/v1/workflow-event-bindings/list-a");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().path("metadata").path("resourceVersion").asText()).isNotEmpty();
    assertThat(r.json().path("items")).hasSize(1);
    assertThat(r.json().path("items").get(0).path("metadata").path("name").asText())
        .isEqualTo("one");
  }

  @Test
  void getAndDeleteByName() {
    create("get-del", "b", "payload.x == 1");
    assertThat(
            h.get("/api/v1/workflow-event-bindings/get-del/b")
                .json()
                .path("spec")
                .path("event")
                .path("selector")
                .asText())
        .isEqualTo("payload.x == 1");
    assertThat(h.delete("/api/v1/workflow-event-bindings/get-del/b").status()).isEqualTo(200);
    assertThat(h.get("/api/v1/workflow-event-bindings/get-del/b").status()).isEqualTo(404);
  }

  @Test
  void aBindingWithABadSelectorIsStoredAsArgoStoresIt() {
    assertThat(create("bad", "broken", "payload.x ==").status()).isEqualTo(200);
  }

  @Test
  void anotherKindInTheEnvelopeIsRefused() {
    var r =
        h.post(
            "/api/v1/workflow-event-bindings/x",
            "{\"workflowEventBinding\": {\"kind\": \"Workflow\", \"metadata\": {\"name\": \"w\"}}}");
    assertThat(r.status()).isEqualTo(400);
  }

  @Test
  void theListNeedsTheToken() {
    var r =
        h.send(
            java.net.http.HttpRequest.newBuilder(h.uri("/api/v1/workflow-event-bindings/x"))
                .GET()
                .build());
    assertThat(r.status()).isEqualTo(401);
  }
}
