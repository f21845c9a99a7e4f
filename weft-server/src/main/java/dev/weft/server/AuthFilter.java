package dev.weft.server;

import dev.weft.model.Names;
import dev.weft.server.events.WebhookClients;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

/**
 * Checks the bearer token on API requests, as Argo's gatekeeper finds it: the {@code Authorization}
 * header when present, else an {@code authorization} cookie holding {@code Bearer <token>} (URL-
 * encoded, as a browser stores it). A null token: no auth at all.
 *
 * <p>An event ({@code POST /api/v1/events/{namespace}/...}) sent without {@code Authorization} must
 * instead carry the signature of a client in that namespace's {@code
 * argo-workflows-webhook-clients} Secret; a cookie does not do for an event. The signature
 * authorizes that one event route in that one namespace, nothing else.
 */
public final class AuthFilter {
  /** The cookie Argo's UI keeps the token in. */
  static final String COOKIE = "authorization";

  /** How a request proved itself: a cookie-borne one must also pass the CSRF check. */
  enum Credential {
    NOT_NEEDED,
    HEADER,
    COOKIE,
    WEBHOOK
  }

  private final byte[] token;
  private final WebhookClients webhooks;

  public AuthFilter(String token) {
    this(token, null);
  }

  /** {@code webhooks}: where signed events are verified; null refuses every unsigned event. */
  public AuthFilter(String token, WebhookClients webhooks) {
    this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
    this.webhooks = webhooks;
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

  /**
   * The check for an event route: the bearer token when {@code Authorization} is sent, else a
   * webhook client's signature over the body's exact bytes (read here, up to {@code bodyLimit}).
   * The path's namespace must be a namespace name (a DNS-1123 label), whatever the credential.
   */
  Credential checkEvent(Request request, int bodyLimit) throws IOException {
    // the one route open without a token names a Secret and a store namespace by its path: one
    // that is no namespace name ("..", an encoded slash) is refused before either is touched
    Names.dns1123Label(request.path("namespace"))
        .ifPresent(
            why -> {
              throw ApiException.invalid("namespace: " + why);
            });
    if (token == null) return Credential.NOT_NEEDED;
    String header = request.header("Authorization");
    if (header != null) {
      requireBearer(header);
      return Credential.HEADER;
    }
    byte[] body = request.bodyBytes(bodyLimit);
    String client =
        webhooks == null
            ? null
            : webhooks.verify(request.path("namespace"), request::header, body).orElse(null);
    // the same answer whatever failed (no Secret, no client, a wrong signature): it would help
    // an attacker to know which
    if (client == null) {
      throw ApiException.unauthenticated(
          "token not provided, and the request carries no valid webhook signature");
    }
    request.verifiedClient(client);
    return Credential.WEBHOOK;
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
