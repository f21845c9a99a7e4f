package dev.weft.server;

import dev.weft.model.codec.Codec;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Blocker;

/** One HTTP request with its path parameters, query and body, and the ways to answer it. */
public final class Request {
  private final org.eclipse.jetty.server.Request jetty;
  private final Response response;
  private final Map<String, String> query;
  private final Map<String, String> onSuccess = new LinkedHashMap<>();
  private Map<String, String> pathParams = Map.of();
  private byte[] bodyBytes;
  private String body;
  private boolean bodyTaken;
  private String verifiedClient;
  private int status;

  Request(org.eclipse.jetty.server.Request jetty, Response response) {
    this.jetty = jetty;
    this.response = response;
    this.query = parseQuery(jetty.getHttpURI().getQuery());
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

  /**
   * A path segment decoded as Go decodes paths (and so as Argo's gateway does): percent-escapes
   * only; a '+' is a plus there, a space only in a query or form.
   */
  static String decodePath(String s) {
    return decode(s.replace("+", "%2B"));
  }

  void bind(Map<String, String> params) {
    this.pathParams = Map.copyOf(params);
  }

  /** The path as sent, still percent-encoded. */
  String rawPath() {
    String path = jetty.getHttpURI().getPath();
    return path == null ? "/" : path;
  }

  /** Whether the request came over TLS (directly or as a proxy reported it). */
  boolean secure() {
    return jetty.isSecure();
  }

  org.eclipse.jetty.server.Request jetty() {
    return jetty;
  }

  Response response() {
    return response;
  }

  public String method() {
    return jetty.getMethod();
  }

  public String path(String name) {
    return pathParams.get(name);
  }

  /** A query parameter, null when absent or empty. */
  public String query(String name) {
    String v = query.get(name);
    return v == null || v.isEmpty() ? null : v;
  }

  /**
   * A request header. HTTP/2 carries the Host as the {@code :authority} pseudo-header, which is
   * given here as {@code Host}.
   */
  public String header(String name) {
    String value = jetty.getHeaders().get(name);
    if (value == null
        && name.equalsIgnoreCase("Host")
        && jetty.getConnectionMetaData().getHttpVersion() == HttpVersion.HTTP_2) {
      return jetty.getHttpURI().getAuthority();
    }
    return value;
  }

  /** The first cookie of that name, its value as sent (still URL-encoded), or null. */
  public String cookie(String name) {
    List<String> all = cookies(name);
    return all.isEmpty() ? null : all.get(0);
  }

  /** Every cookie of that name: a wildcard-domain cookie can come beside the server's own. */
  List<String> cookies(String name) {
    return org.eclipse.jetty.server.Request.getCookies(jetty).stream()
        .filter(c -> c.getName().equals(name))
        .map(HttpCookie::getValue)
        .toList();
  }

  /**
   * The body as text, read up to {@link RequestGuard#MAX_BODY_BYTES}: a longer one (chunked, so its
   * length was not declared) is refused with 413 and not read further.
   */
  public String body() throws IOException {
    if (body == null)
      body = new String(bodyBytes(RequestGuard.MAX_BODY_BYTES), StandardCharsets.UTF_8);
    return body;
  }

  /**
   * The body's bytes exactly as received (a signature is over them), read up to {@code limit}: a
   * longer one is refused with 413, by its declared length before anything is read. Read once; a
   * later call with a larger limit gets the same bytes.
   */
  public byte[] bodyBytes(int limit) throws IOException {
    if (bodyBytes == null) {
      String length = header("Content-Length");
      if (length != null && parsedLength(length) > limit) throw RequestGuard.tooLarge(limit);
      bodyTaken = true;
      byte[] bytes = Content.Source.asInputStream(jetty).readNBytes(limit + 1);
      if (bytes.length > limit) throw RequestGuard.tooLarge(limit);
      if (bytes.length > 0) RequestGuard.requireJson(this);
      bodyBytes = bytes;
    }
    if (bodyBytes.length > limit) throw RequestGuard.tooLarge(limit);
    return bodyBytes;
  }

  private static long parsedLength(String length) {
    try {
      return Long.parseLong(length.strip());
    } catch (NumberFormatException e) {
      return -1; // RequestGuard refused a malformed length before any handler ran
    }
  }

  /** Every header line as sent, in order: a header sent twice is two entries. */
  List<Map.Entry<String, String>> headerLines() {
    return jetty.getHeaders().stream()
        .map(f -> Map.entry(f.getName(), f.getValue() == null ? "" : f.getValue()))
        .toList();
  }

  /** The peer's IP address. */
  String remoteIp() {
    return org.eclipse.jetty.server.Request.getRemoteAddr(jetty);
  }

  /** The webhook client whose signature authenticated this request, or null. */
  String verifiedClient() {
    return verifiedClient;
  }

  void verifiedClient(String name) {
    verifiedClient = name;
  }

  /** The status sent, 0 before a response started. */
  public int status() {
    return status;
  }

  /** Records a response another handler (the web UI's files) sent. */
  void sent(int code) {
    status = code;
  }

  /** Sets a response header; call it before the response starts. */
  public void responseHeader(String name, String value) {
    response.getHeaders().put(name, value);
  }

  /** A header sent only if the answer is not an error (as Argo sends its version). */
  void headerOnSuccess(String name, String value) {
    onSuccess.put(name, value);
  }

  private void start(int code, String contentType) {
    drainUnreadBody();
    if (code < 400) onSuccess.forEach(this::responseHeader);
    response.setStatus(code);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
    status = code;
  }

  /**
   * Reads (up to the body limit) what a client sent that no handler read. Answering first, over
   * HTTP/2, makes the server reset the request's stream, and a client still sending (the JDK's)
   * then drops the answer: an error such as a 404 would arrive as a broken connection.
   */
  private void drainUnreadBody() {
    if (bodyTaken) return;
    bodyTaken = true;
    try {
      InputStream in = Content.Source.asInputStream(jetty);
      byte[] buffer = new byte[8192];
      long left = RequestGuard.MAX_BODY_BYTES;
      for (int n; left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0; ) {
        left -= n;
      }
    } catch (IOException | RuntimeException e) {
      // the client went away or sent too much: the answer goes out all the same
    }
  }

  public void respond(int code, String contentType, byte[] bytes) throws IOException {
    start(code, contentType);
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
    try (Blocker.Callback done = Blocker.callback()) {
      response.write(true, ByteBuffer.wrap(bytes), done);
      done.block();
    }
  }

  public void respondJson(Object value) throws IOException {
    respond(200, "application/json", Codec.toJson(value).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Starts a streamed 200 response; the caller writes and closes the body. What is written goes out
   * on {@code flush()} (or when the buffer fills), never later, so each event of a stream reaches
   * the client at once.
   */
  public OutputStream stream(String contentType) throws IOException {
    start(200, contentType);
    responseHeader("Cache-Control", "no-store");
    return new BufferedOutputStream(Content.Sink.asOutputStream(response), 16 * 1024);
  }
}
