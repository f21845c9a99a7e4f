package dev.weft.kube.store;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

/**
 * Which of two copies of an object is newer. resourceVersions are opaque to clients, but etcd's are
 * increasing integers; when one is not, the cache (the API server's view) wins.
 */
final class Versions {
  private Versions() {}

  /** Whether {@code mine} is strictly newer than {@code cached}. */
  static boolean newer(GenericKubernetesResource mine, GenericKubernetesResource cached) {
    return newer(of(mine), of(cached));
  }

  /** Whether resourceVersion {@code mine} is strictly newer than {@code cached}. */
  static boolean newer(String mine, String cached) {
    try {
      return Long.parseLong(mine) > Long.parseLong(cached);
    } catch (NumberFormatException e) {
      return false;
    }
  }

  static String of(GenericKubernetesResource g) {
    return g.getMetadata() == null ? null : g.getMetadata().getResourceVersion();
  }
}
