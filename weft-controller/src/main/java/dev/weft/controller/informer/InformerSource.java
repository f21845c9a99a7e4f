package dev.weft.controller.informer;

import dev.weft.model.Resource;
import dev.weft.runtime.Informer;
import java.util.function.Function;

/**
 * Where the controllers' informers list and watch: the store's own watch in local mode, the API
 * server (with label selectors that keep finished objects out) in Kubernetes mode.
 */
@FunctionalInterface
public interface InformerSource {
  <K, T extends Resource> Informer<K, T> informer(Class<T> kind, Function<T, K> keyOf);

  /** Informers over the store's list and watch. */
  static InformerSource of(dev.weft.store.Store store) {
    return new InformerSource() {
      @Override
      public <K, T extends Resource> Informer<K, T> informer(Class<T> kind, Function<T, K> keyOf) {
        return StoreInformers.of(store, kind, keyOf);
      }
    };
  }
}
