package dev.weft.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An API answer is for whoever holds the token, and a cookie does not keep a shared cache (a proxy,
 * a CDN) from storing what it answers: every answer outside the UI's files says no-store.
 */
class ApiCachingTest {
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
  void authenticatedAnswersAreNeverStoredByACache() throws Exception {
    var r =
        h.client.send(
            h.request("/api/v1/info").GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
  }

  @Test
  void apiAnswersAreNeverSniffedAsAnotherType() throws Exception {
    var r =
        h.client.send(
            h.request("/api/v1/info").GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
  }

  @Test
  void streamsAreNeverStoredByACache() throws Exception {
    HttpResponse<InputStream> r =
        h.client.send(
            h.request("/api/v1/stream/events/default").GET().build(),
            HttpResponse.BodyHandlers.ofInputStream());
    r.body().close();
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
  }
}
