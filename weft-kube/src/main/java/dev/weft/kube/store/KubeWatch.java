package dev.weft.kube.store;

import dev.weft.model.Resource;
import dev.weft.store.ResourceKind;
import dev.weft.store.Watch;
import dev.weft.store.WatchEvent;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.util.function.Consumer;

/** The store's watch: the API server's watch of a kind, its objects as Weft's types. */
final class KubeWatch {
  private KubeWatch() {}

  static Watch open(
      KubernetesClient client,
      TypedCache typed,
      Class<? extends Resource> type,
      String namespace,
      String fromResourceVersion,
      Consumer<WatchEvent> handler) {
    ResourceKind kind = ResourceKind.of(type);
    var options = new ListOptionsBuilder().withResourceVersion(fromResourceVersion).build();
    var watch =
        KubeOps.list(client, kind, kind.namespaced() ? namespace : null)
            .watch(
                options,
                new Watcher<>() {
                  @Override
                  public void eventReceived(Action action, GenericKubernetesResource g) {
                    WatchEvent.Type t =
                        switch (action) {
                          case ADDED -> WatchEvent.Type.ADDED;
                          case DELETED -> WatchEvent.Type.DELETED;
                          default -> WatchEvent.Type.MODIFIED;
                        };
                    if (action != Action.BOOKMARK && action != Action.ERROR) {
                      Resource obj = typed.typed(TypedCache.keyOf(kind, g), g, type, false);
                      handler.accept(new WatchEvent(t, obj));
                    }
                  }

                  @Override
                  public void onClose(WatcherException cause) {
                    // the store's watchers are informers, which relist on their own schedule
                  }
                });
    return watch::close;
  }
}
