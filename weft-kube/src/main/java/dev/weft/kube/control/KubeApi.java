package dev.weft.kube.control;

import dev.weft.controller.ControlPlane;
import dev.weft.kube.pods.KubePods;
import dev.weft.kube.pods.PodSettings;
import dev.weft.kube.store.KubeCaches;
import dev.weft.kube.store.KubeScope;
import dev.weft.kube.store.KubeStore;
import dev.weft.kube.store.NodePacking;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * `weft server --kube`: Argo's HTTP API over the cluster's objects. Every action is a write to the
 * Workflow object, which the controller (another process) sees through its informers; pod logs come
 * from the API server.
 */
public final class KubeApi {
  private KubeApi() {}

  /** The plane the server serves; closing it stops its caches. */
  public static ControlPlane open(KubernetesClient client, String namespace)
      throws IOException, InterruptedException {
    KubeScope scope = new KubeScope(namespace, null);
    Duration sync = Duration.ofMinutes(1);
    KubeCaches caches = KubeCaches.start(client, scope, sync);
    KubeStore store = new KubeStore(client, caches, NodePacking.DEFAULT_LIMIT);
    PodSettings none =
        new PodSettings(PodSettings.DEFAULT_EXECUTOR_IMAGE, null, Map.of(), null, List.of());
    KubePods pods = KubePods.start(client, scope, none, Clock.systemUTC(), sync);
    return ControlPlane.clusterApi(
        store,
        () -> {
          pods.close();
          caches.close();
        },
        pods);
  }
}
