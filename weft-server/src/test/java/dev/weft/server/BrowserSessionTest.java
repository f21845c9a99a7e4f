package dev.weft.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Login by cookie, as a browser holds the token, and the same-origin rule for its writes. */
class BrowserSessionTest {
  static ServerHarness h;

  @BeforeAll
  static void start() throws Exception {
    h = new ServerHarness();
  }

  @AfterAll
  static void stop() throws Exception {
    h.close();
  }

  private static String cookie() {
    return "authorization=Bearer%20" + h.token;
  }

  private static String origin() {
    return "http://127.0.0.1:" + h.server.port();
  }

  private static HttpResponse<String> send(HttpRequest request) {
    try {
      return h.client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static HttpRequest.Builder browser(String path) {
    return HttpRequest.newBuilder(h.uri(path)).header("Cookie", cookie());
  }

  private static HttpResponse<String> login(String contentType, String body) {
    return send(
        HttpRequest.newBuilder(h.uri("/login"))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  @Test
  void loginSetsAnHttpOnlyStrictCookieHoldingTheToken() {
    var r = login("application/json", "{\"token\":\"" + h.token + "\"}");
    assertThat(r.statusCode()).isEqualTo(204);
    String set = r.headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(set)
        .startsWith("authorization=Bearer%20" + h.token + ";")
        .contains("Path=/")
        .contains("HttpOnly")
        .contains("SameSite=Strict")
        .doesNotContain("Secure");
  }

  @Test
  void loginTakesAFormAndABearerPrefix() {
    var r = login("application/x-www-form-urlencoded", "token=Bearer%20" + h.token);
    assertThat(r.statusCode()).isEqualTo(204);
    assertThat(r.headers().firstValue("Set-Cookie")).isPresent();
  }

  @Test
  void wrongTokenIsUnauthenticatedAndSetsNoCookie() {
    var r = login("application/json", "{\"token\":\"nope\"}");
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(new ServerHarness.Response(401, r.body()).json().path("code").asInt()).isEqualTo(16);
    assertThat(r.headers().firstValue("Set-Cookie")).isEmpty();
  }

  @Test
  void logoutClearsTheCookie() {
    var post =
        send(
            HttpRequest.newBuilder(h.uri("/logout"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
    assertThat(post.statusCode()).isEqualTo(204);
    assertThat(post.headers().firstValue("Set-Cookie").orElseThrow())
        .startsWith("authorization=;")
        .contains("Max-Age=0");
    var get = send(HttpRequest.newBuilder(h.uri("/logout")).GET().build());
    assertThat(get.statusCode()).isEqualTo(303);
    assertThat(get.headers().firstValue("Location")).hasValue("/");
    assertThat(get.headers().firstValue("Set-Cookie").orElseThrow()).contains("Max-Age=0");
  }

  /** Another site (or another port of this host) may not log the browser out by a link. */
  @ParameterizedTest
  @ValueSource(strings = {"cross-site", "same-site"})
  void logoutByANavigationFromElsewhereLeavesTheCookie(String site) {
    var r =
        send(HttpRequest.newBuilder(h.uri("/logout")).header("Sec-Fetch-Site", site).GET().build());
    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(r.headers().firstValue("Set-Cookie")).isEmpty();
  }

  @Test
  void withoutCookieOrHeaderTheApiIsUnauthenticated() {
    var r = send(HttpRequest.newBuilder(h.uri("/api/v1/workflows/default")).GET().build());
    assertThat(r.statusCode()).isEqualTo(401);
    var wrong =
        send(
            HttpRequest.newBuilder(h.uri("/api/v1/workflows/default"))
                .header("Cookie", "authorization=Bearer%20nope")
                .GET()
                .build());
    assertThat(wrong.statusCode()).isEqualTo(401);
  }

  @Test
  void cookieAuthenticatesReads() {
    var r = send(browser("/api/v1/workflows/default").GET().build());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void cookieAuthenticatesTheEventStream() throws Exception {
    h.post("/api/v1/workflows/default", ServerHarness.echoWorkflow("cookie-watched", "{}"));
    HttpResponse<InputStream> r =
        h.client.send(
            browser(
                    "/api/v1/workflow-events/default?listOptions.fieldSelector=metadata.name%3Dcookie-watched")
                .header("Accept", "text/event-stream")
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofInputStream());
    assertThat(r.statusCode()).isEqualTo(200);
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
      assertThat(reader.readLine()).startsWith("data: ").contains("cookie-watched");
    }
  }

  @Test
  void cookieWriteWithoutOriginOrRefererIsRefused() {
    var r =
        send(
            browser("/api/v1/workflows/default/x/suspend")
                .PUT(HttpRequest.BodyPublishers.noBody())
                .build());
    assertThat(r.statusCode()).isEqualTo(403);
    var json = new ServerHarness.Response(403, r.body()).json();
    assertThat(json.path("code").asInt()).isEqualTo(7);
    assertThat(json.path("message").asText()).contains("Origin");
  }

  @Test
  void cookieWriteFromAnotherSitesRefererIsRefusedAndCreatesNothing() {
    var r =
        send(
            browser("/api/v1/workflows/default")
                .header("Content-Type", "application/json")
                .header("Referer", "http://evil.example/page")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        ServerHarness.echoWorkflow("cross-cookie", "{}")))
                .build());
    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(h.get("/api/v1/workflows/default/cross-cookie").status()).isEqualTo(404);
  }

  @Test
  void cookieWriteFromTheServersOwnPageIsServed() {
    var byOrigin =
        send(
            browser("/api/v1/workflows/default")
                .header("Content-Type", "application/json")
                .header("Origin", origin())
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        ServerHarness.echoWorkflow("same-cookie", "{}")))
                .build());
    assertThat(byOrigin.statusCode()).as(byOrigin.body()).isEqualTo(200);
    var byReferer =
        send(
            browser("/api/v1/workflows/default/same-cookie")
                .header("Referer", origin() + "/workflows/default/same-cookie")
                .DELETE()
                .build());
    assertThat(byReferer.statusCode()).as(byReferer.body()).isEqualTo(200);
  }

  @Test
  void headerTokenWritesNeedNoOrigin() {
    var r = h.post("/api/v1/workflows/default", ServerHarness.echoWorkflow("header-write", "{}"));
    assertThat(r.status()).isEqualTo(200);
  }

  @Test
  void withoutAuthLoginJustSucceeds() throws Exception {
    try (ServerHarness open = new ServerHarness(true)) {
      var r =
          open.client.send(
              HttpRequest.newBuilder(open.uri("/login"))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString("{\"token\":\"anything\"}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(204);
    }
  }
}
