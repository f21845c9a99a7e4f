package dev.weft.model.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * An event as it was received: the path's discriminator, the verified webhook client (null when a
 * bearer token was used), the dedup key (null without one), when it arrived (RFC 3339), the JSON
 * body as received, and the {@code metadata} that selectors see (x- headers, lowercased, lists).
 */
public record EventDeliverySpec(
    String discriminator,
    String client,
    String dedupKey,
    String receivedAt,
    JsonNode payload,
    Map<String, List<String>> metadata) {

  public Map<String, List<String>> metadataOrEmpty() {
    return metadata == null ? Map.of() : metadata;
  }

  public String discriminatorOrEmpty() {
    return discriminator == null ? "" : discriminator;
  }
}
