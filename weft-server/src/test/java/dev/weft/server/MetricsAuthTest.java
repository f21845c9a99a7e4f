package dev.weft.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** /metrics wants the token (header or cookie) as on Argo Server, unless that is turned off. */
class MetricsAuthTest {
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
  void withoutTheTokenMetricsAreForbidden() {
    var r = h.send(HttpRequest.newBuilder(h.uri("/metrics")).GET().build());
    assertThat(r.status()).isEqualTo(403);
    assertThat(r.json().path("code").asInt()).isEqualTo(7);
    assertThat(r.body()).doesNotContain("argo_workflows_count");
  }

  @Test
  void withTheTokenInHeaderOrCookieMetricsAreServed() {
    assertThat(h.get("/metrics").body()).contains("argo_workflows_count");
    var byCookie =
        h.send(
            HttpRequest.newBuilder(h.uri("/metrics"))
                .header("Cookie", "authorization=Bearer%20" + h.token)
                .GET()
                .build());
    assertThat(byCookie.status()).isEqualTo(200);
  }

  @Test
  void metricsAuthTurnedOffServesEveryone() throws Exception {
    try (WeftServer open =
        WeftServer.start(
            new ServerConfig("127.0.0.1", 0, Files.createTempDirectory("weft-metrics"), false),
            h.plane,
            new WeftServer.Options(false, UiAssets.ROOT))) {
      var r =
          h.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + open.port() + "/metrics"))
                  .GET()
                  .build());
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.body()).contains("argo_workflows_count");
    }
  }
}
