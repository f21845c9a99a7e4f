package dev.weft.kube.store;

import dev.weft.controller.informer.InformerSource;
import dev.weft.model.CronWorkflow;
import dev.weft.model.Resource;
import dev.weft.model.Workflow;
import dev.weft.runtime.Informer;
import dev.weft.runtime.Listing;
import dev.weft.runtime.WatchSignal;
import dev.weft.store.LabelSelector;
import dev.weft.store.ResourceKind;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The controllers' informers on the API server: list, then watch from the list's version; a 410
 * relists. Workflows and CronWorkflows are selected by instance id, and finished workflows are left
 * out: an object that stops matching (a real API server then sends DELETED; a lenient one may send
 * MODIFIED) leaves the cache.
 */
public final class KubeInformers implements InformerSource {
  private final KubernetesClient client;
  private final KubeScope scope;

  public KubeInformers(KubernetesClient client, KubeScope scope) {
    this.client = client;
    this.scope = scope;
  }

  @Override
  public <K, T extends Resource> Informer<K, T> informer(Class<T> type, Function<T, K> keyOf) {
    ResourceKind kind = ResourceKind.of(type);
    String selector =
        type == Workflow.class
            ? scope.activeWorkflows()
            : type == CronWorkflow.class ? scope.instanceSelector() : null;
    LabelSelector matcher = selector == null ? null : LabelSelector.parse(selector);
    String ns = kind.namespaced() ? scope.namespace() : null;
    return new Informer<>(
        kind.kindName(),
        () -> {
          var ops = KubeOps.list(client, kind, ns);
          var list = selector == null ? ops.list() : ops.withLabelSelector(selector).list();
          List<T> items = new ArrayList<>();
          for (var g : list.getItems()) items.add(KubeStore.decode(KubeStore.raw(g), type));
          return new Listing<>(items, list.getMetadata().getResourceVersion());
        },
        (from, sink) -> {
          var options =
              new ListOptionsBuilder()
                  .withResourceVersion(from)
                  .withAllowWatchBookmarks(true)
                  .withLabelSelector(selector)
                  .build();
          var watch =
              KubeOps.list(client, kind, ns)
                  .watch(
                      options,
                      new Watcher<GenericKubernetesResource>() {
                        @Override
                        public void eventReceived(Action action, GenericKubernetesResource g) {
                          WatchSignal.Type t =
                              switch (action) {
                                case ADDED -> WatchSignal.Type.ADDED;
                                case MODIFIED -> WatchSignal.Type.MODIFIED;
                                case DELETED -> WatchSignal.Type.DELETED;
                                default -> null;
                              };
                          if (t == null) return;
                          var labels = g.getMetadata().getLabels();
                          if (matcher != null
                              && !matcher.matches(labels == null ? Map.of() : labels)) {
                            t = WatchSignal.Type.DELETED;
                          }
                          sink.accept(
                              new WatchSignal.Event<>(t, KubeStore.decode(KubeStore.raw(g), type)));
                        }

                        @Override
                        public void onClose(WatcherException cause) {
                          sink.accept(
                              cause.isHttpGone()
                                  ? new WatchSignal.Expired<>()
                                  : new WatchSignal.Failed<>(cause));
                        }

                        @Override
                        public void onClose() {
                          sink.accept(
                              new WatchSignal.Failed<>(
                                  new IllegalStateException("the watch was closed")));
                        }
                      });
          return watch::close;
        },
        keyOf);
  }
}
