package dev.weft.kube.sim;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.List;
import java.util.Map;

/**
 * The kubelet's finalizer {@value #NAME}, which gives pods a real Terminating phase on the mock
 * (without one the mock removes a pod at once). Written by a patch of metadata.finalizers only,
 * guarded so that another writer's finalizer is never lost (the patch fails, the pod is read
 * again); see {@link #patch}.
 */
final class Finalizers {
  static final String NAME = "weft.dev/sim-kubelet";

  private Finalizers() {}

  /** Adds the finalizer; false when the pod is gone or already being deleted. */
  /**
   * The patch that changes only our entry. On an empty list, a merge patch carrying the
   * resourceVersion read (a stale one gets 409). Otherwise JSON Patch guarded by {@code test} ops:
   * a list-valued merge patch does not mean the same on both servers (a real one replaces the list,
   * the mock appends to it: measured at 7.9.0, [a] patched with [a, b] became [a, a, b]). The mock
   * stores no empty list, and a failed {@code test} leaves its request unanswered until the
   * client's timeout, so a test op is only ever made on an entry that was there.
   */
  private static Patch patch(Pod pod, List<String> finalizers, boolean add) {
    if (add && finalizers.isEmpty()) {
      return new Patch(
          PatchType.JSON_MERGE,
          Map.of(
              "metadata",
              Map.of(
                  "finalizers",
                  List.of(NAME),
                  "resourceVersion",
                  pod.getMetadata().getResourceVersion())));
    }
    if (add) {
      String last = "/metadata/finalizers/" + (finalizers.size() - 1);
      return new Patch(
          PatchType.JSON,
          List.of(
              Map.of("op", "test", "path", last, "value", finalizers.get(finalizers.size() - 1)),
              Map.of("op", "add", "path", "/metadata/finalizers/-", "value", NAME)));
    }
    String at = "/metadata/finalizers/" + finalizers.indexOf(NAME);
    return new Patch(
        PatchType.JSON,
        List.of(
            Map.of("op", "test", "path", at, "value", NAME), Map.of("op", "remove", "path", at)));
  }

  private record Patch(PatchType type, Object body) {}

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
      List<String> finalizers = PodEnvironment.list(pod.getMetadata().getFinalizers());
      if (add == finalizers.contains(NAME)) return true;
      Patch p = patch(pod, finalizers, add);
      try {
        client
            .pods()
            .inNamespace(ns)
            .withName(name)
            .patch(PatchContext.of(p.type()), Serialization.asJson(p.body()));
        return true;
      } catch (KubernetesClientException e) {
        if (e.getCode() == 404) return false;
        // 409, or 422 when a test op failed: someone else changed the list meanwhile.
        if (e.getCode() != 409 && e.getCode() != 422 && e.getCode() != 500) throw e;
      }
    }
    throw new IllegalStateException("finalizer of " + ns + "/" + name + " kept conflicting");
  }
}
