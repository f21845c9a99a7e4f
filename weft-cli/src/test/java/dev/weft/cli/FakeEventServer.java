package dev.weft.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.weft.cli.CliHarness.Result;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * A real HTTP server on a loopback port that answers the EventDelivery routes of the shared
 * contract for issue 13 with canned, contract-shaped JSON and records what it was sent. For the
 * CLI's event commands while the server's own routes are built on another branch; a request it has
 * no answer for gets Argo's 404 shape.
 */
final class FakeEventServer implements AutoCloseable {
  static final String TOKEN = "fake-token";

  /** One request as it arrived: the raw (still percent-encoded) path, headers and exact body. */
  record Received(String method, String rawPath, Map<String, List<String>> headers, byte[] body) {
    String header(String name) {
      for (var e : headers.entrySet()) {
        if (e.getKey().equalsIgnoreCase(name)) return e.getValue().get(0);
      }
      return null;
    }

    String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  private record Answer(int status, Map<String, String> headers, String body) {}

  private final HttpServer http;
  private final Map<String, Answer> answers = new ConcurrentHashMap<>();
  final List<Received> received = new CopyOnWriteArrayList<>();

  FakeEventServer() throws IOException {
    http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    http.createContext("/", this::handle);
    http.start();
  }

  String url() {
    return "http://127.0.0.1:" + http.getAddress().getPort();
  }

  /** Answers {@code METHOD rawPath} with a JSON body and extra headers. */
  FakeEventServer answer(
      String method, String rawPath, int status, String json, Map<String, String> headers) {
    answers.put(method + " " + rawPath, new Answer(status, headers, json));
    return this;
  }

  FakeEventServer answer(String method, String rawPath, String json) {
    return answer(method, rawPath, 200, json, Map.of());
  }

  /** Runs `weft ARGS --server URL --token TOKEN`. */
  Result weft(String... args) {
    return CliHarness.weft(
        Stream.concat(Stream.of(args), Stream.of("--server", url(), "--token", TOKEN))
            .toArray(String[]::new));
  }

  /** The requests made so far, in order. */
  List<Received> requests() {
    return new ArrayList<>(received);
  }

  private void handle(HttpExchange x) throws IOException {
    try (x) {
      byte[] body = x.getRequestBody().readAllBytes();
      String path = x.getRequestURI().getRawPath();
      received.add(
          new Received(x.getRequestMethod(), path, Map.copyOf(x.getRequestHeaders()), body));
      Answer a = answers.get(x.getRequestMethod() + " " + path);
      if (a == null) {
        a = new Answer(404, Map.of(), "{\"code\":5,\"message\":\"not found: " + path + "\"}");
      }
      a.headers().forEach((k, v) -> x.getResponseHeaders().add(k, v));
      x.getResponseHeaders().add("Content-Type", "application/json");
      byte[] out = a.body().getBytes(StandardCharsets.UTF_8);
      x.sendResponseHeaders(a.status(), out.length);
      x.getResponseBody().write(out);
    }
  }

  @Override
  public void close() {
    http.stop(0);
  }
}
