package dev.weft.controller.informer;

import dev.weft.model.Resource;
import dev.weft.runtime.Informer;
import dev.weft.runtime.Listing;
import dev.weft.runtime.WatchExpiredException;
import dev.weft.runtime.WatchSignal;
import dev.weft.store.ListResult;
import dev.weft.store.Store;
import dev.weft.store.StoreException;
import dev.weft.store.WatchEvent;
import java.util.function.Function;

/** Informers over the store: the runtime knows nothing of it, so the list and watch are adapted. */
public final class StoreInformers {
  private StoreInformers() {}

  /** An informer following every object of {@code kind} in all namespaces. */
  public static <K, T extends Resource> Informer<K, T> of(
      Store store, Class<T> kind, Function<T, K> keyOf) {
    return new Informer<>(
        kind.getSimpleName(),
        () -> {
          ListResult<T> list = store.listWithVersion(kind, null, null);
          return new Listing<>(list.items(), list.resourceVersion());
        },
        (from, sink) -> {
          try {
            return store.watch(kind, null, from, event -> sink.accept(signal(kind, event)));
          } catch (StoreException.TooOld e) {
            throw new WatchExpiredException(e.getMessage(), e);
          }
        },
        keyOf);
  }

  private static <T> WatchSignal<T> signal(Class<T> kind, WatchEvent event) {
    WatchSignal.Type type =
        switch (event.type()) {
          case ADDED -> WatchSignal.Type.ADDED;
          case MODIFIED -> WatchSignal.Type.MODIFIED;
          case DELETED -> WatchSignal.Type.DELETED;
        };
    return new WatchSignal.Event<>(type, kind.cast(event.object()));
  }
}
