package dev.weft.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

/**
 * Checks the bearer token on API requests, as Argo's gatekeeper finds it: the {@code Authorization}
 * header when present, else an {@code authorization} cookie holding {@code Bearer <token>} (URL-
 * encoded, as a browser stores it). A null token: no auth at all.
 */
public final class AuthFilter {
  /** The cookie Argo's UI keeps the token in. */
  static final String COOKIE = "authorization";

  /** How a request proved itself: a cookie-borne one must also pass the CSRF check. */
  enum Credential {
    NOT_NEEDED,
    HEADER,
    COOKIE
  }

  private final byte[] token;

  public AuthFilter(String token) {
    this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
  }

  boolean required() {
    return token != null;
  }

  Credential check(Request request) {
    if (token == null) return Credential.NOT_NEEDED;
    String header = request.header("Authorization");
    if (header != null && !header.isBlank()) {
      requireBearer(header);
      return Credential.HEADER;
    }
    List<String> cookies = request.cookies(COOKIE);
    if (cookies.isEmpty()) {
      throw ApiException.unauthenticated(
          "token not provided: send Authorization: Bearer <token>, or log in at /login");
    }
    ApiException last = null;
    for (String cookie : cookies) {
      try {
        requireBearer(Request.decode(cookie));
        return Credential.COOKIE;
      } catch (ApiException e) {
        last = e;
      }
    }
    throw last;
  }

  /** Whether {@code token} (with or without its {@code Bearer } prefix) is this server's. */
  boolean matches(String given) {
    if (token == null) return true;
    String bare = given.regionMatches(true, 0, "Bearer ", 0, 7) ? given.substring(7) : given;
    return MessageDigest.isEqual(bare.strip().getBytes(StandardCharsets.UTF_8), token);
  }

  private void requireBearer(String value) {
    if (!value.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw ApiException.unauthenticated("token not valid: expected a Bearer token");
    }
    if (!matches(value)) throw ApiException.unauthenticated("token not valid");
  }
}
