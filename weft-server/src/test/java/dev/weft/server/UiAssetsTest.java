package dev.weft.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The web UI's files (the test's fake ones, first on the classpath) and the app's fallback. */
class UiAssetsTest {
  static ServerHarness h;

  @BeforeAll
  static void start() throws Exception {
    h = new ServerHarness();
  }

  @AfterAll
  static void stop() throws Exception {
    h.close();
  }

  private static HttpResponse<String> get(String path, String... headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(h.uri(path)).GET();
    for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
    try {
      return h.client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void rootServesIndexHtmlWithoutTokenAndNeverFromCache() {
    var r = get("/");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("Weft test UI");
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-cache");
    assertThat(r.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    assertThat(r.headers().firstValue("Content-Security-Policy").orElse(""))
        .contains("default-src 'self'");
  }

  @Test
  void contentSecurityPolicyRunsNoInlineScript() {
    String csp = get("/").headers().firstValue("Content-Security-Policy").orElse("");
    String scripts =
        java.util.Arrays.stream(csp.split(";"))
            .map(String::strip)
            .filter(d -> d.startsWith("script-src "))
            .findFirst()
            .orElse("");
    assertThat(scripts).isEqualTo("script-src 'self'");
    assertThat(csp).contains("object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'");
  }

  @Test
  void hashedAssetsAreCachedForGoodWithTheirContentType() {
    var r = get("/assets/app-abc123.js");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("app-abc123");
    assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("javascript");
    assertThat(r.headers().firstValue("Cache-Control"))
        .hasValue("public, max-age=31536000, immutable");
  }

  @Test
  void unchangedAssetIsNotModified() {
    String etag = get("/assets/app-abc123.js").headers().firstValue("ETag").orElseThrow();
    var r = get("/assets/app-abc123.js", "If-None-Match", etag);
    assertThat(r.statusCode()).isEqualTo(304);
    assertThat(r.body()).isEmpty();
  }

  @Test
  void headAnswersWithoutABody() throws Exception {
    var r =
        h.client.send(
            HttpRequest.newBuilder(h.uri("/assets/app-abc123.js"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/workflows/default/hello", "/login", "/assets/", "/cron-workflows"})
  void theAppsOwnRoutesLoadTheApp(String path) {
    var r = get(path);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("Weft test UI");
    assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-cache");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/api/v1/nothing", "/artifact-files/default/x", "/healthz/x"})
  void theServersOwnPathsNeverFallBackToTheApp(String path) {
    var r = get(path);
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(r.body()).doesNotContain("Weft test UI");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/../secret.txt",
        "/assets/../../secret.txt",
        "/%2e%2e/secret.txt",
        "/assets/%2e%2e/%2e%2e/secret.txt",
        "/..%2fsecret.txt",
        "/assets%2f..%2f..%2fsecret.txt",
        "/%2E%2E%2Fsecret.txt",
        "/assets/..%5c..%5csecret.txt"
      })
  void pathsCannotLeaveTheUiRoot(String path) throws Exception {
    var r =
        RawHttp.exchange(
            h.server.port(), "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + h.server.port(), "");
    assertThat(r.body()).doesNotContain("must never be served");
    assertThat(r.status()).isIn(200, 400, 404);
  }

  @Test
  void writesToTheAppsPathsAreNotFound() {
    var r = h.post("/workflows/default", "{}");
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.json().path("code").asInt()).isEqualTo(5);
  }

  @Test
  void withoutTheUiTheRootSaysSoIn404() throws Exception {
    try (WeftServer bare =
        WeftServer.start(
            new ServerConfig("127.0.0.1", 0, Files.createTempDirectory("weft-no-ui"), true),
            h.plane,
            new WeftServer.Options(true, "dev/weft/ui/absent/"))) {
      var r =
          h.client.send(
              HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + bare.port() + "/"))
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(404);
      assertThat(r.body()).contains("web UI is not part of this build");
    }
  }
}
