package dev.weft.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * The browser's way in: {@code POST /login} checks a token and keeps it in an HttpOnly, SameSite
 * cookie (Argo's UI keeps it in a script-readable one: here no script, injected or not, can read
 * it); {@code /logout} clears it. A cookie travels with every request the browser makes, so a write
 * authenticated by one must prove it comes from this server's own pages ({@link #checkSameOrigin}).
 */
final class BrowserSession {
  private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
  private final AuthFilter auth;

  BrowserSession(AuthFilter auth) {
    this.auth = auth;
  }

  void register(Router router) {
    router
        .add("POST", "/login", this::login)
        .add("POST", "/logout", r -> logout(r, false))
        .add("GET", "/logout", r -> logout(r, true));
  }

  /**
   * Takes {@code {"token": "..."}} or the form field {@code token}, with or without {@code Bearer
   * }. A wrong token is 401 and sets nothing.
   */
  private Object login(Request r) throws IOException {
    String given = token(r);
    if (given == null || given.isBlank()) {
      throw ApiException.invalid("token: required (the server's bearer token)");
    }
    if (!auth.matches(given)) throw ApiException.unauthenticated("token not valid");
    if (auth.required()) {
      String bare = given.strip();
      if (bare.regionMatches(true, 0, "Bearer ", 0, 7)) bare = bare.substring(7).strip();
      // URL-encoded as Argo's UI stores it: a cookie value may not hold a space
      r.responseHeader("Set-Cookie", cookie(r, "Bearer%20" + bare, ""));
    }
    r.respond(204, "text/plain", new byte[0]);
    return null;
  }

  private static Object logout(Request r, boolean navigation) throws IOException {
    if (navigation) refuseNavigationFromElsewhere(r);
    r.responseHeader("Set-Cookie", cookie(r, "", "; Max-Age=0"));
    if (navigation) {
      r.responseHeader("Location", "/");
      r.respond(303, "text/plain", new byte[0]);
    } else {
      r.respond(204, "text/plain", new byte[0]);
    }
    return null;
  }

  /**
   * A GET needs no Origin, so a link on another site (or on another port of this host, which is the
   * same site to a cookie) could log the browser out; the browser says where a navigation started
   * in {@code Sec-Fetch-Site}. The UI's own logout is a POST, which the Origin check covers.
   */
  private static void refuseNavigationFromElsewhere(Request r) {
    String site = r.header("Sec-Fetch-Site");
    if (site != null
        && (site.equalsIgnoreCase("cross-site") || site.equalsIgnoreCase("same-site"))) {
      throw new ApiException(
          7, 403, "cross-site request refused: log out from this server's own pages");
    }
  }

  private static String cookie(Request r, String value, String expiry) {
    return AuthFilter.COOKIE
        + "="
        + value
        + "; Path=/"
        + expiry
        + "; HttpOnly; SameSite=Strict"
        + (r.secure() ? "; Secure" : "");
  }

  private static String token(Request r) throws IOException {
    String type = r.header("Content-Type");
    String media = type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    if (media.equals("application/x-www-form-urlencoded")) {
      for (String pair : r.body().split("&")) {
        if (pair.startsWith("token=")) return Request.decode(pair.substring(6));
      }
      return null;
    }
    JsonNode token = Bodies.parse(r.body()).path("token");
    return token.isTextual() ? token.asText() : null;
  }

  /**
   * A write authenticated by cookie must name its page's origin ({@code Origin}, else {@code
   * Referer}) and that origin must be this server as the request reached it: a page elsewhere can
   * make the browser send the cookie, but cannot forge these headers.
   */
  static void checkSameOrigin(Request r) {
    if (!WRITES.contains(r.method())) return;
    String origin = r.header("Origin");
    String source = origin != null ? origin : r.header("Referer");
    String host = r.header("Host");
    if (source == null || host == null) {
      throw new ApiException(
          7,
          403,
          "cross-site request refused: a "
              + r.method()
              + " authenticated by cookie must send an Origin or Referer header");
    }
    if (!sameOrigin(source.strip(), host.strip(), r.secure() ? "https" : "http")) {
      throw new ApiException(
          7, 403, "cross-site request refused: \"" + source + "\" is not this server's own origin");
    }
  }

  private static boolean sameOrigin(String source, String host, String scheme) {
    try {
      URI uri = new URI(source);
      if (!scheme.equalsIgnoreCase(uri.getScheme()) || uri.getRawAuthority() == null) return false;
      RequestGuard.Authority a = RequestGuard.Authority.parse(uri.getRawAuthority());
      return a != null && a.equals(RequestGuard.Authority.parse(host));
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
