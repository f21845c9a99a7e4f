package dev.weft.server.events;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An event as bindings see it: the namespace and discriminator of the path it was posted to, its
 * JSON payload as Go decodes JSON into {@code any} (objects as maps, numbers as Double, any value
 * at the top, null for an empty body) and its metadata ({@link EventMetadata}).
 */
public record IncomingEvent(
    String namespace, String discriminator, Object payload, Map<String, List<String>> metadata) {

  public IncomingEvent {
    metadata = Map.copyOf(metadata);
  }

  /**
   * Exactly the names Argo's selectors and {@code valueFrom.event} expressions see (its
   * expressionEnvironment): {@code payload}, {@code metadata}, {@code discriminator} and {@code
   * namespace}, and nothing else.
   */
  public Map<String, Object> environment() {
    Map<String, Object> env = new LinkedHashMap<>();
    env.put("payload", payload);
    env.put("metadata", metadata);
    env.put("discriminator", discriminator);
    env.put("namespace", namespace);
    return env;
  }
}
