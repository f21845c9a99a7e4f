package dev.weft.server.events;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.function.UnaryOperator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One entry of Argo's {@code argo-workflows-webhook-clients} Secret: the sender's name (the data
 * key), its {@code type} and its shared {@code secret}, and how a request proves it comes from that
 * sender. Every comparison takes the same time whatever the bytes (MessageDigest.isEqual, and over
 * digests of equal length for tokens), and an empty secret never matches: Argo's webhook library
 * skips the check when the secret is empty, which would let anyone through.
 */
public record WebhookClient(String name, String type, String secret) {
  private static final String SHA256_PREFIX = "sha256=";

  /** The types Argo knows; another type never matches (Argo would fail the request). */
  public static boolean knownType(String type) {
    return switch (type == null ? "" : type) {
      case "github", "gitlab", "bitbucket", "bitbucketserver" -> true;
      default -> false;
    };
  }

  /**
   * Whether the request carries this client's proof.
   *
   * @param header a request header by name (any case), null when absent
   * @param body the body's bytes exactly as received
   */
  public boolean matches(UnaryOperator<String> header, byte[] body) {
    if (secret == null || secret.isEmpty()) return false;
    return switch (type) {
      // GitHub: X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw body>
      case "github" -> hmacMatches(header.apply("X-Hub-Signature-256"), body);
      // GitLab: the secret token itself, in X-Gitlab-Token
      case "gitlab" -> sameSecret(header.apply("X-Gitlab-Token"));
      // Bitbucket Cloud: the hook's UUID in X-Hook-UUID, with an event key (as Argo requires)
      case "bitbucket" ->
          present(header.apply("X-Event-Key")) && sameSecret(header.apply("X-Hook-UUID"));
      // Bitbucket Server: X-Hub-Signature: sha256=<hex HMAC>, with an event key
      case "bitbucketserver" ->
          present(header.apply("X-Event-Key"))
              && hmacMatches(header.apply("X-Hub-Signature"), body);
      default -> false;
    };
  }

  private static boolean present(String value) {
    return value != null && !value.isEmpty();
  }

  private boolean hmacMatches(String signature, byte[] body) {
    if (signature == null || !signature.regionMatches(true, 0, SHA256_PREFIX, 0, 7)) return false;
    String hex = signature.substring(SHA256_PREFIX.length()).strip().toLowerCase(Locale.ROOT);
    byte[] given;
    try {
      given = HexFormat.of().parseHex(hex);
    } catch (IllegalArgumentException e) {
      return false;
    }
    return MessageDigest.isEqual(given, hmacSha256(body));
  }

  private byte[] hmacSha256(byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal(body);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable", e);
    }
  }

  /** Compares digests, so that neither the secret's length nor a common prefix shows in time. */
  private boolean sameSecret(String given) {
    if (given == null) return false;
    return MessageDigest.isEqual(sha256(given), sha256(secret));
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is unavailable", e);
    }
  }
}
