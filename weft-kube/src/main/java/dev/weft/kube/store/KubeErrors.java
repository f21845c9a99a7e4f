package dev.weft.kube.store;

import dev.weft.store.ObjectKey;
import dev.weft.store.StoreException;
import io.fabric8.kubernetes.client.KubernetesClientException;

/** The API server's answers, as the store's exceptions. */
final class KubeErrors {
  private KubeErrors() {}

  static RuntimeException translate(KubernetesClientException e, ObjectKey key, String rv) {
    return switch (e.getCode()) {
      case 404 -> new StoreException.NotFound(key);
      case 409 ->
          e.getStatus() != null && "AlreadyExists".equals(e.getStatus().getReason())
              ? new StoreException.AlreadyExists(key)
              : new StoreException.Conflict(key, rv, "newer");
      case 413 ->
          new StoreException.Invalid(
              key.describe() + " is too large for the API server: " + e.getMessage());
      case 400, 422 -> new StoreException.Invalid(key.describe() + ": " + message(e));
      default -> e;
    };
  }

  private static String message(KubernetesClientException e) {
    return e.getStatus() != null && e.getStatus().getMessage() != null
        ? e.getStatus().getMessage()
        : e.getMessage();
  }
}
