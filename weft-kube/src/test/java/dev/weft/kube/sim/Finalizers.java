package dev.weft.kube.sim;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The kubelet's finalizer {@value #NAME}, which gives pods a real Terminating phase on the mock
 * (without one the mock removes a pod at once). Written by JSON merge patch on metadata only,
 * carrying the resourceVersion read, so another writer's finalizer is never lost (409, read again).
 */
final class Finalizers {
  static final String NAME = "weft.dev/sim-kubelet";

  private Finalizers() {}

  /** Adds the finalizer; false when the pod is gone or already being deleted. */
  static boolean add(KubernetesClient client, String namespace, String name) {
    return change(client, namespace, name, true);
  }

  /** Removes the finalizer; a deleted pod then disappears. */
  static void remove(KubernetesClient client, String namespace, String name) {
    change(client, namespace, name, false);
  }

  private static boolean change(KubernetesClient client, String ns, String name, boolean add) {
    for (int attempt = 0; attempt < 50; attempt++) {
      Pod pod = client.pods().inNamespace(ns).withName(name).get();
      if (pod == null) return false;
      // A real API server refuses new finalizers on an object being deleted.
      if (add && pod.getMetadata().getDeletionTimestamp() != null) return false;
      List<String> finalizers =
          new ArrayList<>(PodEnvironment.list(pod.getMetadata().getFinalizers()));
      if (add == finalizers.contains(NAME)) return true;
      if (add) finalizers.add(NAME);
      else finalizers.remove(NAME);
      String patch =
          Serialization.asJson(
              Map.of(
                  "metadata",
                  Map.of(
                      "finalizers",
                      finalizers,
                      "resourceVersion",
                      pod.getMetadata().getResourceVersion())));
      try {
        client
            .pods()
            .inNamespace(ns)
            .withName(name)
            .patch(PatchContext.of(PatchType.JSON_MERGE), patch);
        return true;
      } catch (KubernetesClientException e) {
        if (e.getCode() == 404) return false;
        if (e.getCode() != 409) throw e;
      }
    }
    throw new IllegalStateException("finalizer of " + ns + "/" + name + " kept conflicting");
  }
}
