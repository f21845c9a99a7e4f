package dev.weft.server.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.model.Secret;
import dev.weft.model.codec.Codec;
import dev.weft.store.Store;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * Verifies an event posted without a token against Argo's Secret {@code
 * argo-workflows-webhook-clients} in the namespace it is posted to: each data key names a client,
 * its value is YAML with {@code type} and {@code secret}. Clients are tried in name order; an entry
 * that is not such YAML, or of an unknown type, never matches. The Secret is read on each request,
 * so a rotated secret takes effect at once.
 */
public final class WebhookClients {
  public static final String SECRET_NAME = "argo-workflows-webhook-clients";

  private final Store store;

  public WebhookClients(Store store) {
    this.store = store;
  }

  /** The name of the client whose proof the request carries, or empty (no Secret, no match). */
  public Optional<String> verify(String namespace, UnaryOperator<String> header, byte[] body) {
    Optional<Secret> secret = store.get(Secret.class, namespace, SECRET_NAME);
    if (secret.isEmpty()) return Optional.empty();
    for (WebhookClient client : clients(secret.get())) {
      if (client.matches(header, body)) return Optional.of(client.name());
    }
    return Optional.empty();
  }

  static List<WebhookClient> clients(Secret secret) {
    List<WebhookClient> out = new ArrayList<>();
    for (Map.Entry<String, String> e : new TreeMap<>(secret.decoded()).entrySet()) {
      JsonNode value;
      try {
        value = Codec.yaml().readTree(e.getValue());
      } catch (JsonProcessingException | RuntimeException ex) {
        continue;
      }
      if (value == null || !value.isObject()) continue;
      String type = value.path("type").asText("");
      if (!WebhookClient.knownType(type)) continue;
      out.add(new WebhookClient(e.getKey(), type, value.path("secret").asText("")));
    }
    return out;
  }
}
