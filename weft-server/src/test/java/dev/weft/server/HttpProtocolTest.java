package dev.weft.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The HTTP layer itself: protocols, compression, the version header, Jetty's own errors. */
class HttpProtocolTest {
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
  void http2ClientIsUpgradedToCleartextHttp2() throws Exception {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
    HttpResponse<String> r =
        client.send(
            h.request("/api/v1/version").GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.version()).isEqualTo(HttpClient.Version.HTTP_2);
    // over HTTP/2 the Host comes as :authority, and the guard still sees it
    HttpResponse<String> again =
        client.send(
            h.request("/api/v1/workflows/default").GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
    assertThat(again.version()).isEqualTo(HttpClient.Version.HTTP_2);
  }

  @Test
  void anErrorAnsweredBeforeTheBodyIsReadReachesAnHttp2Client() throws Exception {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
    client.send(h.request("/api/v1/version").GET().build(), HttpResponse.BodyHandlers.ofString());
    String body = "{}";
    for (int i = 0; i < 100; i++) {
      // a route that refuses without reading the body: the answer must not be lost to a reset
      HttpResponse<String> r =
          client.send(
              h.request("/api/v1/cron-workflows/default/absent/suspend")
                  .header("Content-Type", "application/json")
                  .PUT(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(r.version()).isEqualTo(HttpClient.Version.HTTP_2);
      assertThat(r.statusCode()).as(r.body()).isEqualTo(404);
    }
  }

  @Test
  void priorKnowledgeHttp2IsSpoken() throws Exception {
    try (Socket s = new Socket("127.0.0.1", h.server.port())) {
      s.setSoTimeout(10_000);
      s.getOutputStream()
          .write("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      s.getOutputStream().write(new byte[] {0, 0, 0, 4, 0, 0, 0, 0, 0}); // empty SETTINGS
      s.getOutputStream().flush();
      byte[] frame = s.getInputStream().readNBytes(9);
      assertThat(frame).hasSize(9);
      assertThat(frame[3]).as("frame type").isEqualTo((byte) 4); // the server's SETTINGS
    }
  }

  @Test
  void apiAnswersCarryArgosVersionHeaderButErrorsDoNot() {
    HttpResponse<String> ok = raw(h.request("/api/v1/version").GET().build());
    String version = h.get("/api/v1/version").json().path("version").asText();
    assertThat(ok.headers().firstValue("Grpc-Metadata-Argo-Version")).hasValue(version);
    assertThat(version).startsWith(SystemHandlers.ARGO_API_VERSION + "+weft.");
    HttpResponse<String> refused =
        raw(HttpRequest.newBuilder(h.uri("/api/v1/workflows/default")).GET().build());
    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(refused.headers().firstValue("Grpc-Metadata-Argo-Version")).isEmpty();
  }

  @Test
  void jsonIsGzippedForClientsThatAcceptIt() throws Exception {
    HttpResponse<InputStream> r =
        h.client.send(
            h.request("/api/v1/version").header("Accept-Encoding", "gzip").GET().build(),
            HttpResponse.BodyHandlers.ofInputStream());
    assertThat(r.headers().firstValue("Content-Encoding")).hasValue("gzip");
    try (InputStream in = new GZIPInputStream(r.body())) {
      String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertThat(new ServerHarness.Response(200, body).json().path("version").asText())
          .startsWith("v3.");
    }
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void gzippedJsonStreamDeliversEachEventAtOnce() throws Exception {
    h.post("/api/v1/workflows/default", ServerHarness.echoWorkflow("streamed-gzip", "{}"));
    h.awaitPhase("default", "streamed-gzip", "Succeeded");
    HttpResponse<InputStream> r =
        h.client.send(
            h.request(
                    "/api/v1/workflow-events/default?listOptions.fieldSelector=metadata.name%3Dstreamed-gzip")
                .header("Accept-Encoding", "gzip")
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofInputStream());
    assertThat(r.headers().firstValue("Content-Encoding")).hasValue("gzip");
    // the one event comes at once, though the stream stays open and sends nothing else for now
    String first = firstLine(new GZIPInputStream(r.body()));
    assertThat(first).contains("\"type\":\"ADDED\"").contains("streamed-gzip");
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void serverSentEventsAreNotCompressedAndArriveAtOnce() throws Exception {
    h.post("/api/v1/workflows/default", ServerHarness.echoWorkflow("streamed-sse", "{}"));
    h.awaitPhase("default", "streamed-sse", "Succeeded");
    HttpResponse<InputStream> r =
        h.client.send(
            h.request(
                    "/api/v1/workflow-events/default?listOptions.fieldSelector=metadata.name%3Dstreamed-sse")
                .header("Accept-Encoding", "gzip")
                .header("Accept", "text/event-stream")
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofInputStream());
    assertThat(r.headers().firstValue("Content-Encoding")).isEmpty();
    assertThat(r.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
    assertThat(firstLine(r.body())).startsWith("data: ").contains("streamed-sse");
  }

  /**
   * The first line, which must come within 5 s: well before the stream's end, which never is. Read
   * a byte at a time: a Reader would wait for more, as a GZIPInputStream always claims to have it.
   */
  private static String firstLine(InputStream body) throws Exception {
    CompletableFuture<String> line =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                for (int b = body.read(); b >= 0 && b != '\n'; b = body.read()) out.write(b);
                return out.toString(StandardCharsets.UTF_8);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
    try {
      return line.get(5, TimeUnit.SECONDS);
    } finally {
      body.close();
    }
  }

  @Test
  void headersOverTheLimitGetArgosErrorShape() throws Exception {
    String big = "x".repeat(JettyServer.MAX_HEADER_BYTES + 1024);
    var r =
        RawHttp.exchange(
            h.server.port(),
            "GET /api/v1/version HTTP/1.1\r\nHost: 127.0.0.1:"
                + h.server.port()
                + "\r\nX-Big: "
                + big,
            "");
    assertThat(r.status()).isEqualTo(431);
    assertThat(r.json().path("code").asInt()).isEqualTo(8);
    assertThat(r.body()).doesNotContain("at org.eclipse");
  }

  @Test
  void ambiguousApiPathGetsArgosErrorShape() throws Exception {
    var r =
        RawHttp.exchange(
            h.server.port(),
            "GET /api/v1/workflows/default/%2e%2e/x HTTP/1.1\r\nHost: 127.0.0.1:"
                + h.server.port()
                + auth(),
            "");
    assertThat(r.status()).isBetween(400, 404);
    assertThat(r.json().has("code")).isTrue();
    assertThat(r.json().has("message")).isTrue();
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void closeEndsOpenStreams() throws Exception {
    try (ServerHarness own = new ServerHarness()) {
      HttpResponse<InputStream> r =
          own.client.send(
              own.request("/api/v1/workflow-events/default").GET().build(),
              HttpResponse.BodyHandlers.ofInputStream());
      assertThat(r.statusCode()).isEqualTo(200);
      own.server.close(); // were an open stream to hold it, the test would time out
      CompletableFuture<byte[]> rest =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return r.body().readAllBytes();
                } catch (java.io.IOException e) {
                  return new byte[0]; // cut off: ended all the same
                }
              });
      rest.get(20, TimeUnit.SECONDS);
    }
  }

  private static String auth() {
    return "\r\nAuthorization: Bearer " + h.token;
  }

  private static HttpResponse<String> raw(HttpRequest request) {
    try {
      return h.client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
