package dev.weft.kube.store;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Which of two copies of an object is newer. resourceVersions are opaque to clients, but etcd's are
 * increasing integers; when one is not, the cache (the API server's view) wins.
 */
final class Versions {
  private Versions() {}

  /** Whether {@code mine} is strictly newer than {@code cached}. */
  static boolean newer(JsonNode mine, JsonNode cached) {
    try {
      long a = Long.parseLong(mine.path("metadata").path("resourceVersion").asText());
      long b = Long.parseLong(cached.path("metadata").path("resourceVersion").asText());
      return a > b;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
