package dev.weft.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Checks {@code Authorization: Bearer <token>} on API requests; null token: no auth at all. */
public final class AuthFilter {
  private final byte[] token;

  public AuthFilter(String token) {
    this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
  }

  public void check(Request request) {
    if (token == null) return;
    String header = request.header("Authorization");
    if (header == null || header.isBlank()) {
      throw ApiException.unauthenticated("token not provided: send Authorization: Bearer <token>");
    }
    if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw ApiException.unauthenticated("token not valid: expected a Bearer token");
    }
    byte[] given = header.substring(7).strip().getBytes(StandardCharsets.UTF_8);
    if (!MessageDigest.isEqual(given, token)) {
      throw ApiException.unauthenticated("token not valid");
    }
  }
}
