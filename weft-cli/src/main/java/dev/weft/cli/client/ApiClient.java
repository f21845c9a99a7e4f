package dev.weft.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.model.codec.Codec;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Argo Server's HTTP API as the commands use it: JSON in and out, the bearer token on every call,
 * and every failure turned into a {@link ClientException} that says what went wrong in words.
 */
public final class ApiClient implements AutoCloseable {
  private static final Duration CALL_TIMEOUT = Duration.ofMinutes(2);
  private final URI base;
  private final String token;
  private final HttpClient http;

  /**
   * @param base the server, such as {@code http://127.0.0.1:2746}
   * @param token the bearer token, or null to send none
   */
  public ApiClient(URI base, String token) {
    this.base = base;
    this.token = token;
    // HTTP/1.1: the JDK's server behind `weft server` does not speak h2c, so skip the upgrade
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
  }

  public URI base() {
    return base;
  }

  /** A path from segments, each percent-encoded: {@code path("/api/v1/workflows", ns, name)}. */
  public static String path(String prefix, String... segments) {
    StringBuilder b = new StringBuilder(prefix);
    for (String s : segments) b.append('/').append(encode(s));
    return b.toString();
  }

  /**
   * A query value or path segment, percent-encoded ({@code +} would mean a space only in forms).
   */
  public static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  public JsonNode get(String path) {
    return call("GET", path, null);
  }

  public JsonNode post(String path, JsonNode body) {
    return call("POST", path, body);
  }

  public JsonNode put(String path, JsonNode body) {
    return call("PUT", path, body);
  }

  public JsonNode delete(String path) {
    return call("DELETE", path, null);
  }

  /**
   * The body's lines as they arrive: JSON objects one per line, or Server-Sent Events ({@code data:
   * ...} lines) when {@code sse}, which is what Argo's server sends only when asked; close the
   * stream to hang up. A broken connection surfaces as an UncheckedIOException while reading.
   */
  public Stream<String> lines(String path, boolean sse) {
    HttpRequest.Builder b = request(path);
    if (sse) b.setHeader("Accept", "text/event-stream");
    HttpResponse<Stream<String>> r = send(b.GET().build(), HttpResponse.BodyHandlers.ofLines());
    if (r.statusCode() / 100 != 2) {
      String body;
      try (Stream<String> s = r.body()) {
        body = s.collect(Collectors.joining("\n"));
      }
      throw refusal(r.statusCode(), body);
    }
    return r.body();
  }

  /**
   * The body of a GET as a stream, for bytes that are not JSON (an artifact, a key, an envelope
   * kept byte for byte); a refusal is a {@link ClientException} as for every call. Close it.
   */
  public InputStream download(String path) {
    HttpResponse<InputStream> r =
        send(
            request(path).timeout(CALL_TIMEOUT).GET().build(),
            HttpResponse.BodyHandlers.ofInputStream());
    if (r.statusCode() / 100 != 2) {
      String body;
      try (InputStream in = r.body()) {
        body = new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
      } catch (IOException e) {
        body = "";
      }
      throw refusal(r.statusCode(), body);
    }
    return r.body();
  }

  /** {@link #download} whole, for small bodies. */
  public byte[] bytes(String path) {
    try (InputStream in = download(path)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw ClientException.unreachable(
          "lost the connection to the weft server at " + base + " while reading " + path);
    }
  }

  /** What a call answered, whatever its status: for calls whose headers matter as well. */
  public record Reply(int status, HttpHeaders headers, String body) {
    public boolean ok() {
      return status / 100 == 2;
    }

    /** The first value of a response header, or null. */
    public String header(String name) {
      return headers.firstValue(name).orElse(null);
    }
  }

  /**
   * A POST of exact bytes (a webhook body is signed and read as sent) with extra request headers;
   * the answer comes back whatever its status, for the caller to read headers even from a refusal
   * ({@link #refusal(Reply)} turns one into the usual exception).
   *
   * @throws ClientException when a header may not be set by a client (Host, Content-Length, ...)
   */
  public Reply postBytes(String path, byte[] body, List<Map.Entry<String, String>> headers) {
    HttpRequest.Builder b = request(path).timeout(CALL_TIMEOUT);
    b.setHeader("Content-Type", "application/json");
    for (Map.Entry<String, String> h : headers) {
      try {
        b.setHeader(h.getKey(), h.getValue());
      } catch (IllegalArgumentException e) {
        throw ClientException.badInput(
            "header \"" + h.getKey() + "\" cannot be sent: " + e.getMessage());
      }
    }
    b.POST(HttpRequest.BodyPublishers.ofByteArray(body));
    HttpResponse<String> r = send(b.build(), HttpResponse.BodyHandlers.ofString());
    return new Reply(r.statusCode(), r.headers(), r.body());
  }

  /** A reply that was not 2xx as the exception every other call throws for it. */
  public ClientException refusal(Reply reply) {
    return refusal(reply.status(), reply.body());
  }

  private JsonNode call(String method, String path, JsonNode body) {
    HttpRequest.Builder b = request(path).timeout(CALL_TIMEOUT);
    if (body == null) {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      b.header("Content-Type", "application/json");
      b.method(method, HttpRequest.BodyPublishers.ofString(Codec.toJson(body)));
    }
    HttpResponse<String> r = send(b.build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() / 100 != 2) throw refusal(r.statusCode(), r.body());
    return Json.parse(r.body().isBlank() ? "{}" : r.body(), "the server's answer to " + path);
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path));
    if (token != null) b.header("Authorization", "Bearer " + token);
    return b.header("Accept", "application/json");
  }

  private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
    try {
      return http.send(request, handler);
    } catch (HttpConnectTimeoutException e) {
      throw ClientException.unreachable(
          "cannot reach the weft server at " + base + ": the connection timed out");
    } catch (HttpTimeoutException e) {
      throw ClientException.unreachable("the weft server at " + base + " did not answer in time");
    } catch (ConnectException e) {
      throw ClientException.unreachable(
          "cannot reach the weft server at "
              + base
              + ": connection refused (is `weft server` running there? pass --server URL or set"
              + " WEFT_SERVER)");
    } catch (IOException e) {
      throw ClientException.unreachable(
          "lost the connection to the weft server at "
              + base
              + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ClientException.unreachable("interrupted while talking to " + base);
    }
  }

  /** Argo's error body is {@code {"code":N,"message":"..."}}; anything else is quoted as sent. */
  private ClientException refusal(int status, String body) {
    String message = null;
    try {
      JsonNode n = Codec.json().readTree(body);
      if (n != null && n.hasNonNull("message")) message = n.get("message").asText();
    } catch (IOException | RuntimeException notJson) {
      // fall through to the raw body
    }
    if (message == null || message.isBlank()) {
      String first = body == null ? "" : body.strip().lines().findFirst().orElse("");
      message =
          "the server at " + base + " answered " + status + (first.isEmpty() ? "" : ": " + first);
    }
    if (status == 401) {
      message +=
          token == null
              ? " (no token: pass --token, set WEFT_TOKEN, or run where the server's"
                  + " server-token file is readable)"
              : " (the token given does not match the server's server-token file)";
    }
    return ClientException.server(status, message);
  }

  @Override
  public void close() {
    http.close();
  }
}
