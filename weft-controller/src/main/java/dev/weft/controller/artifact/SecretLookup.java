package dev.weft.controller.artifact;

import dev.weft.model.Secret;
import dev.weft.store.Store;
import java.util.Optional;

/**
 * One value of a Kubernetes Secret: how S3 credentials ({@code accessKeySecret}, {@code
 * secretKeySecret}) are found. Kubernetes mode reads the cluster's Secrets; a local server reads
 * the Secrets in its store. Values are credentials: callers never log or echo them.
 */
@FunctionalInterface
public interface SecretLookup {
  Optional<String> value(String namespace, String name, String key);

  /** No Secrets at all: for a repository that needs none (local, or useSDKCreds). */
  static SecretLookup none() {
    return (namespace, name, key) -> Optional.empty();
  }

  /** The Secrets Weft's own store holds, decoded as the API server would. */
  static SecretLookup fromStore(Store store) {
    return (namespace, name, key) ->
        store
            .get(Secret.class, namespace, name)
            .flatMap(s -> Optional.ofNullable(s.decoded().get(key)));
  }
}
