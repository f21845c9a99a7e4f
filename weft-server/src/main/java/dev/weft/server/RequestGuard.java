package dev.weft.server;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Refuses hostile requests before they reach a handler, with or without a token: a foreign {@code
 * Host} (DNS rebinding), a foreign {@code Origin} (a cross-site page), a body that is not JSON (a
 * form or {@code text/plain} POST needs no CORS preflight) and a body over {@link #MAX_BODY_BYTES}.
 *
 * <p>Allowed hosts: the bound address and the loopback names ({@code localhost}, 127.0.0.0/8,
 * {@code [::1]}), each with the server's port. A server bound to every address (0.0.0.0 or ::)
 * accepts any Host: it always requires the token there, and a rebound page never has it.
 */
final class RequestGuard {
  /**
   * The body limit: 3 MiB, the Kubernetes API server's. Argo's own gateway takes up to 100 MiB
   * (GRPC_MESSAGE_SIZE), but whatever it creates goes through the Kubernetes API, which refuses
   * more, so no larger request could succeed on Argo either.
   */
  static final int MAX_BODY_BYTES = 3 * 1024 * 1024;

  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern IPV6 = Pattern.compile("\\[[0-9a-f:.]+]");

  private final String boundName;
  private final InetAddress bound;
  private final int port;

  RequestGuard(String bindAddress, InetAddress bound, int port) {
    this.boundName = bindAddress.toLowerCase(Locale.ROOT);
    this.bound = bound;
    this.port = port;
  }

  void check(Request r) {
    String host = r.header("Host");
    if (host == null || host.isBlank()) throw forbidden("the Host header is missing");
    if (!allowedAuthority(host.strip())) {
      throw forbidden(
          "Host \""
              + host
              + "\" is not this server's address: use "
              + (bound.isAnyLocalAddress() ? "" : boundName + " or ")
              + "localhost with port "
              + port);
    }
    String origin = r.header("Origin");
    if (origin != null && !sameOrigin(origin.strip(), host.strip())) {
      throw forbidden(
          "cross-origin request refused: Origin \""
              + origin
              + "\" is not this server's own (http://"
              + host.strip()
              + ")");
    }
    checkBody(r);
  }

  private static void checkBody(Request r) {
    String length = r.header("Content-Length");
    boolean chunked = r.header("Transfer-Encoding") != null;
    long declared = 0;
    if (length != null) {
      try {
        declared = Long.parseLong(length.strip());
      } catch (NumberFormatException e) {
        throw ApiException.invalid("Content-Length: not a number: \"" + length + "\"");
      }
    }
    if (declared > MAX_BODY_BYTES) throw tooLarge();
    if (declared <= 0 && !chunked) return; // no body declared: Request.body() checks what comes
    requireJson(r);
  }

  /**
   * A body must be JSON (or the login form): a form or {@code text/plain} POST is one a cross-site
   * page can send without a CORS preflight. Checked when a body is declared, and again when one is
   * read, as HTTP/2 sends a body with neither Content-Length nor chunking.
   */
  static void requireJson(Request r) {
    String type = r.header("Content-Type");
    String media = type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    // the login form is the one body a browser posts as a form: check() refuses foreign Origins
    boolean loginForm =
        r.rawPath().equals("/login") && media.equals("application/x-www-form-urlencoded");
    // webhook senders and Argo's own event tests may post JSON without naming it; a cross-site
    // page that did so would still be stopped by the Origin check
    boolean untypedEvent = type == null && r.rawPath().startsWith(EventHandlers.PATH_PREFIX);
    if (!media.equals("application/json") && !loginForm && !untypedEvent) {
      throw new ApiException(
          3,
          415,
          "Content-Type: expected application/json, found "
              + (type == null ? "none" : "\"" + type + "\""));
    }
  }

  static ApiException tooLarge() {
    return tooLarge(MAX_BODY_BYTES);
  }

  static ApiException tooLarge(int limit) {
    return new ApiException(
        8,
        413,
        "request body too large: the limit is "
            + limit
            + " bytes ("
            + (limit / (1024 * 1024))
            + " MiB)");
  }

  private static ApiException forbidden(String message) {
    return new ApiException(7, 403, message);
  }

  /** Origin must be http://HOST exactly, where HOST is this request's (allowed) Host. */
  private boolean sameOrigin(String origin, String host) {
    URI uri;
    try {
      uri = new URI(origin);
    } catch (URISyntaxException e) {
      return false;
    }
    if (!"http".equalsIgnoreCase(uri.getScheme()) || uri.getRawAuthority() == null) return false;
    if (uri.getRawPath() != null && !uri.getRawPath().isEmpty()) return false;
    Authority o = Authority.parse(uri.getRawAuthority());
    Authority h = Authority.parse(host);
    return o != null && o.equals(h);
  }

  private boolean allowedAuthority(String authority) {
    Authority a = Authority.parse(authority);
    if (a == null || a.port() != port) return false;
    if (bound.isAnyLocalAddress()) return true;
    if (a.host().equals("localhost") || a.host().equals(boundName)) return true;
    InetAddress literal = literal(a.host());
    return literal != null && (literal.isLoopbackAddress() || literal.equals(bound));
  }

  /** The address an IP literal names, without any DNS lookup; null for a name. */
  private static InetAddress literal(String host) {
    try {
      if (IPV6.matcher(host).matches()) {
        // with a colon inside, getByName parses a literal and never asks DNS
        return InetAddress.getByName(host.substring(1, host.length() - 1));
      }
      if (!IPV4.matcher(host).matches()) return null;
      String[] parts = host.split("\\.");
      byte[] bytes = new byte[4];
      for (int i = 0; i < 4; i++) {
        int octet = Integer.parseInt(parts[i]);
        if (octet > 255) return null;
        bytes[i] = (byte) octet;
      }
      return InetAddress.getByAddress(bytes);
    } catch (UnknownHostException e) {
      return null;
    }
  }

  /** host[:port] of a Host header or an origin; the port defaults to HTTP's 80. */
  record Authority(String host, int port) {
    static Authority parse(String text) {
      String s = text.toLowerCase(Locale.ROOT);
      int colon = s.lastIndexOf(':');
      String host = s;
      int port = 80;
      if (colon >= 0 && colon > s.lastIndexOf(']')) {
        host = s.substring(0, colon);
        try {
          port = Integer.parseInt(s.substring(colon + 1));
        } catch (NumberFormatException e) {
          return null;
        }
      }
      if (host.isEmpty() || host.contains("@") || host.contains("/")) return null;
      if (host.startsWith("[")) {
        InetAddress a = literal(host);
        if (a == null) return null;
        host = "[" + a.getHostAddress() + "]"; // one spelling of each IPv6 address
      }
      return new Authority(host, port);
    }
  }
}
