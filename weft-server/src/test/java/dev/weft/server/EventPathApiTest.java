package dev.weft.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The events route is the one an unauthenticated request reaches, and its namespace names the
 * Secret read and the store's namespace: one that is no namespace name is refused before either.
 */
class EventPathApiTest {
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
  void anEventToAPathWhoseNamespaceIsNoNamespaceNameIsRefusedAndNotRecorded() {
    var r =
        h.send(
            h.request("/api/v1/events/Not_A.Namespace/ci")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build());

    assertThat(r.status()).as(r.body()).isEqualTo(400);
    assertThat(r.json().path("message").asText()).contains("namespace");
    assertThat(h.get("/api/v1/event-deliveries/Not_A.Namespace").json().path("items")).isEmpty();
  }
}
