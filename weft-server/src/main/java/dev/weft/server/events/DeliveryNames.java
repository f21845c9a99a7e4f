package dev.weft.server.events;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The names the inbox fixes before it acts, so that doing a step twice finds the first result
 * instead of making a second: a delivery's name from its event's dedup key, and each binding's
 * workflow name from the delivery's name and the binding's.
 */
public final class DeliveryNames {
  /** The label on every workflow a delivery started, naming the delivery. */
  public static final String DELIVERY_LABEL = "events.weft.dev/delivery";

  private static final int MAX_WORKFLOW_NAME = 63;
  private static final SecureRandom RANDOM = new SecureRandom();

  private DeliveryNames() {}

  /**
   * The event's dedup key, if the sender gave one: GitHub's delivery id (shared by a redelivery,
   * and by every hook that receives the event, hence the hook id and the path in the key), else an
   * {@code Idempotency-Key}. A key sent by a verified webhook client ends with that client's name:
   * a sender chooses its keys, so without it one client could send another's key first and have
   * that sender's event taken for a duplicate of its own (and its payload dispatched instead).
   *
   * @param client the verified webhook client, or null when the bearer token was used
   */
  public static Optional<String> dedupKey(
      UnaryOperator<String> header, String namespace, String discriminator, String client) {
    return senderKey(header, namespace, discriminator)
        .map(key -> client == null ? key : key + ":client=" + escaped(client));
  }

  /**
   * The key's parts joined by ':', each escaped ('%' and ':' percent-encoded) so that no choice of
   * one part (a key or discriminator with colons in it) can spell another event's key.
   */
  private static Optional<String> senderKey(
      UnaryOperator<String> header, String namespace, String discriminator) {
    String github = header.apply("X-GitHub-Delivery");
    if (github != null && !github.isEmpty()) {
      String hook = header.apply("X-GitHub-Hook-ID");
      return Optional.of(
          joined("github", hook == null ? "" : hook, github, namespace, discriminator));
    }
    String key = header.apply("Idempotency-Key");
    if (key != null && !key.isEmpty()) {
      return Optional.of(joined("idempotency", key, namespace, discriminator));
    }
    return Optional.empty();
  }

  private static String joined(String kind, String... parts) {
    StringBuilder out = new StringBuilder(kind);
    for (String part : parts) {
      out.append(':').append(escaped(part));
    }
    return out.toString();
  }

  private static String escaped(String part) {
    return part.replace("%", "%25").replace(":", "%3A");
  }

  /** {@code ev-} and 20 hex digits: of the dedup key's SHA-256, or random without one. */
  public static String delivery(Optional<String> dedupKey) {
    if (dedupKey.isPresent()) return "ev-" + sha256Hex(dedupKey.get()).substring(0, 20);
    byte[] bytes = new byte[10];
    RANDOM.nextBytes(bytes);
    return "ev-" + HexFormat.of().formatHex(bytes);
  }

  /**
   * {@code <binding>-} and 10 hex digits of SHA-256(delivery/binding), the binding's part cut so
   * that the name fits 63 characters (and does not end in '.' or '-' before the hash).
   */
  public static String workflow(String delivery, String binding) {
    String hash = sha256Hex(delivery + "/" + binding).substring(0, 10);
    String prefix = binding.substring(0, Math.min(binding.length(), MAX_WORKFLOW_NAME - 11));
    while (prefix.endsWith(".") || prefix.endsWith("-")) {
      prefix = prefix.substring(0, prefix.length() - 1);
    }
    return prefix + "-" + hash;
  }

  private static String sha256Hex(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is unavailable", e);
    }
  }
}
