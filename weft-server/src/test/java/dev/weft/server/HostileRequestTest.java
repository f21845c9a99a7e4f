package dev.weft.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Requests a web page or a rebound DNS name can make are refused, with and without a token. */
class HostileRequestTest {
  static ServerHarness authed;
  static ServerHarness open;

  @BeforeAll
  static void start() throws Exception {
    authed = new ServerHarness();
    open = new ServerHarness(true);
  }

  @AfterAll
  static void stop() throws Exception {
    authed.close();
    open.close();
  }

  private static ServerHarness server(boolean insecure) {
    return insecure ? open : authed;
  }

  private static String auth(ServerHarness h) {
    return h.token == null ? "" : "\r\nAuthorization: Bearer " + h.token;
  }

  @ParameterizedTest(name = "insecure-no-auth={0}")
  @ValueSource(booleans = {false, true})
  void crossSiteTextPlainPostIsRefusedAndCreatesNothing(boolean insecure) {
    ServerHarness h = server(insecure);
    var r =
        h.send(
            h.request("/api/v1/workflows/default")
                .header("Content-Type", "text/plain;charset=UTF-8")
                .POST(
                    HttpRequest.BodyPublishers.ofString(ServerHarness.echoWorkflow("plain", "{}")))
                .build());
    assertThat(r.status()).isEqualTo(415);
    assertThat(r.json().path("message").asText())
        .contains("expected application/json")
        .contains("text/plain");
    assertThat(h.get("/api/v1/workflows/default/plain").status()).isEqualTo(404);
  }

  @ParameterizedTest(name = "insecure-no-auth={0}")
  @ValueSource(booleans = {false, true})
  void bodyWithoutContentTypeIsRefused(boolean insecure) throws IOException {
    ServerHarness h = server(insecure);
    var r =
        RawHttp.exchange(
            h.server.port(),
            "POST /api/v1/workflows/default HTTP/1.1\r\nHost: 127.0.0.1:"
                + h.server.port()
                + auth(h),
            ServerHarness.echoWorkflow("untyped", "{}"));
    assertThat(r.status()).isEqualTo(415);
    assertThat(r.json().path("message").asText()).contains("found none");
    assertThat(h.get("/api/v1/workflows/default/untyped").status()).isEqualTo(404);
  }

  /** HTTP/2 needs neither Content-Length nor chunking for a body: the type is checked anyway. */
  @ParameterizedTest(name = "insecure-no-auth={0}")
  @ValueSource(booleans = {false, true})
  void http2BodyOfUndeclaredLengthMustStillBeJson(boolean insecure) throws Exception {
    ServerHarness h = server(insecure);
    HttpClient h2 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
    h2.send(h.request("/healthz").GET().build(), HttpResponse.BodyHandlers.discarding());
    byte[] body = ServerHarness.echoWorkflow("undeclared", "{}").getBytes(StandardCharsets.UTF_8);
    var r =
        h2.send(
            h.request("/api/v1/workflows/default")
                .header("Content-Type", "text/plain")
                .POST(
                    HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.version()).isEqualTo(HttpClient.Version.HTTP_2);
    assertThat(r.statusCode()).isEqualTo(415);
    assertThat(h.get("/api/v1/workflows/default/undeclared").status()).isEqualTo(404);
  }

  @ParameterizedTest(name = "insecure-no-auth={0}")
  @ValueSource(booleans = {false, true})
  void foreignOriginIsRefusedAndCreatesNothing(boolean insecure) {
    ServerHarness h = server(insecure);
    var r =
        h.send(
            h.request("/api/v1/workflows/default")
                .header("Content-Type", "application/json")
                .header("Origin", "http://evil.example")
                .POST(
                    HttpRequest.BodyPublishers.ofString(ServerHarness.echoWorkflow("xsite", "{}")))
                .build());
    assertThat(r.status()).isEqualTo(403);
    assertThat(r.json().path("code").asInt()).isEqualTo(7);
    assertThat(r.json().path("message").asText())
        .contains("cross-origin")
        .contains("http://evil.example");
    assertThat(h.get("/api/v1/workflows/default/xsite").status()).isEqualTo(404);
  }

  @Test
  void opaqueNullOriginIsRefused() {
    var r =
        open.send(
            open.request("/api/v1/workflows/default/x/suspend")
                .header("Origin", "null")
                .PUT(HttpRequest.BodyPublishers.noBody())
                .build());
    assertThat(r.status()).isEqualTo(403);
  }

  @ParameterizedTest(name = "insecure-no-auth={0}")
  @ValueSource(booleans = {false, true})
  void foreignHostIsRefusedAndCreatesNothing(boolean insecure) throws IOException {
    ServerHarness h = server(insecure);
    int port = h.server.port();
    // DNS rebinding: the attacker's name now resolves to 127.0.0.1, same port
    var r =
        RawHttp.exchange(
            port,
            "POST /api/v1/workflows/default HTTP/1.1\r\nHost: evil.example:"
                + port
                + "\r\nContent-Type: application/json"
                + auth(h),
            ServerHarness.echoWorkflow("rebound", "{}"));
    assertThat(r.status()).isEqualTo(403);
    assertThat(r.json().path("message").asText()).contains("evil.example").contains("localhost");
    assertThat(h.get("/api/v1/workflows/default/rebound").status()).isEqualTo(404);
  }

  @Test
  void loopbackNamesAndTheServersOwnOriginAreServed() throws IOException {
    int port = open.server.port();
    for (String host : new String[] {"localhost", "127.0.0.1", "[::1]"}) {
      var r =
          RawHttp.exchange(
              port,
              "GET /api/v1/workflows/default HTTP/1.1\r\nHost: "
                  + host
                  + ":"
                  + port
                  + "\r\nOrigin: http://"
                  + host
                  + ":"
                  + port,
              "");
      assertThat(r.status()).as(host + ": " + r.body()).isEqualTo(200);
    }
  }

  @Test
  void loopbackNameOnAnotherPortIsRefused() throws IOException {
    int port = open.server.port();
    var r =
        RawHttp.exchange(
            port, "GET /api/v1/workflows/default HTTP/1.1\r\nHost: localhost:" + (port + 1), "");
    assertThat(r.status()).isEqualTo(403);
  }

  @Test
  void serverOnEveryAddressTakesAnyHostButStillWantsTheToken() throws Exception {
    try (WeftServer wide =
        WeftServer.start(new ServerConfig("0.0.0.0", 0, authed.dataDir, false), authed.plane)) {
      String head =
          "GET /api/v1/workflows/default HTTP/1.1\r\nHost: build-box.example:" + wide.port();
      assertThat(RawHttp.exchange(wide.port(), head, "").status()).isEqualTo(401);
      assertThat(RawHttp.exchange(wide.port(), head + auth(authed), "").status()).isEqualTo(200);
    }
  }

  @Test
  void hugeDeclaredBodyGets413BeforeBeingReadAndTheServerStaysHealthy() throws Exception {
    var sent = stream(authed, 100L << 20, false);
    assertThat(sent.response().status()).isEqualTo(413);
    assertThat(sent.response().json().path("code").asInt()).isEqualTo(8);
    assertThat(sent.response().json().path("message").asText()).contains("3145728 bytes");
    // answered while the client was still sending: the server did not wait for the 100 MB
    assertThat(sent.writtenWhenAnswered()).isLessThan(100L << 20);
    assertThat(authed.get("/api/v1/workflows/default").status()).isEqualTo(200);
  }

  @Test
  void chunkedBodyOverTheLimitGets413() throws Exception {
    var sent = stream(authed, 100L << 20, true);
    assertThat(sent.response().status()).isEqualTo(413);
    assertThat(sent.writtenWhenAnswered()).isLessThan(100L << 20);
    assertThat(authed.get("/api/v1/workflows/default").status()).isEqualTo(200);
  }

  record Sent(ServerHarness.Response response, long writtenWhenAnswered) {}

  /** Streams {@code total} bytes of body on one thread while reading the answer on this one. */
  private static Sent stream(ServerHarness h, long total, boolean chunked) throws Exception {
    try (Socket s = new Socket("127.0.0.1", h.server.port())) {
      s.setSoTimeout(60_000);
      String head =
          "POST /api/v1/workflows/default HTTP/1.1\r\nHost: 127.0.0.1:"
              + h.server.port()
              + auth(h)
              + "\r\nContent-Type: application/json\r\n"
              + (chunked ? "Transfer-Encoding: chunked" : "Content-Length: " + total)
              + "\r\n\r\n";
      OutputStream out = s.getOutputStream();
      out.write(head.getBytes(StandardCharsets.US_ASCII));
      AtomicLong written = new AtomicLong();
      Thread writer =
          Thread.ofPlatform()
              .start(
                  () -> {
                    byte[] chunk = new byte[64 * 1024];
                    Arrays.fill(chunk, (byte) ' ');
                    byte[] size = (Integer.toHexString(chunk.length) + "\r\n").getBytes();
                    try {
                      while (written.get() < total) {
                        if (chunked) out.write(size);
                        out.write(chunk);
                        if (chunked) out.write("\r\n".getBytes());
                        written.addAndGet(chunk.length);
                      }
                      if (chunked) out.write("0\r\n\r\n".getBytes());
                      out.flush();
                    } catch (IOException e) {
                      // the server hung up on us: expected once it has answered
                    }
                  });
      ServerHarness.Response r = RawHttp.read(s.getInputStream());
      long at = written.get();
      s.close();
      writer.join();
      return new Sent(r, at);
    }
  }
}
