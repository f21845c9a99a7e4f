package dev.weft.server;

import com.sun.net.httpserver.HttpExchange;
import dev.weft.model.codec.Codec;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** One HTTP request with its path parameters, query and body, and the ways to answer it. */
public final class Request {
  private final HttpExchange exchange;
  private final Map<String, String> query;
  private Map<String, String> pathParams = Map.of();
  private String body;
  private int status;

  public Request(HttpExchange exchange) {
    this.exchange = exchange;
    this.query = parseQuery(exchange.getRequestURI().getRawQuery());
  }

  private static Map<String, String> parseQuery(String raw) {
    Map<String, String> out = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) return out;
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) continue;
      int eq = pair.indexOf('=');
      String k = decode(eq < 0 ? pair : pair.substring(0, eq));
      String v = eq < 0 ? "" : decode(pair.substring(eq + 1));
      out.putIfAbsent(k, v);
    }
    return out;
  }

  static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid("malformed URL encoding in \"" + s + "\"");
    }
  }

  void bind(Map<String, String> params) {
    this.pathParams = Map.copyOf(params);
  }

  public HttpExchange exchange() {
    return exchange;
  }

  public String method() {
    return exchange.getRequestMethod();
  }

  public String path(String name) {
    return pathParams.get(name);
  }

  /** A query parameter, null when absent or empty. */
  public String query(String name) {
    String v = query.get(name);
    return v == null || v.isEmpty() ? null : v;
  }

  public String header(String name) {
    return exchange.getRequestHeaders().getFirst(name);
  }

  /**
   * The body as text, read up to {@link RequestGuard#MAX_BODY_BYTES}: a longer one (chunked, so its
   * length was not declared) is refused with 413 and not read further.
   */
  public String body() throws IOException {
    if (body == null) {
      byte[] bytes = exchange.getRequestBody().readNBytes(RequestGuard.MAX_BODY_BYTES + 1);
      if (bytes.length > RequestGuard.MAX_BODY_BYTES) throw RequestGuard.tooLarge();
      body = new String(bytes, StandardCharsets.UTF_8);
    }
    return body;
  }

  /** The status sent, 0 before a response started. */
  public int status() {
    return status;
  }

  public void respond(int code, String contentType, byte[] bytes) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", contentType);
    status = code;
    exchange.sendResponseHeaders(code, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  public void respondJson(Object value) throws IOException {
    respond(200, "application/json", Codec.toJson(value).getBytes(StandardCharsets.UTF_8));
  }

  /** Sets a response header; call it before the response starts. */
  public void responseHeader(String name, String value) {
    exchange.getResponseHeaders().set(name, value);
  }

  /** Starts a streamed 200 response; the caller writes and closes the body. */
  public OutputStream stream(String contentType) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.getResponseHeaders().set("Cache-Control", "no-cache");
    status = 200;
    exchange.sendResponseHeaders(200, 0);
    return exchange.getResponseBody();
  }
}
