package dev.weft.kube.store;

import dev.weft.store.ResourceKind;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.FilterWatchListDeletable;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;

/** The fabric8 operations for one kind, in one namespace or (null) all of them. */
final class KubeOps {
  private KubeOps() {}

  /**
   * fabric8 warns once per kind that v1alpha1 is not stable; every kind of Argo's is v1alpha1, so
   * the warning says nothing to a Weft operator. Held here so the level outlives any GC.
   */
  private static final java.util.logging.Logger VERSION_WARNINGS =
      java.util.logging.Logger.getLogger(
          "io.fabric8.kubernetes.client.dsl.internal.VersionUsageUtils");

  static {
    VERSION_WARNINGS.setLevel(java.util.logging.Level.SEVERE);
  }

  /** Single-object operations: a namespaced kind in {@code namespace}, a cluster kind as is. */
  static NonNamespaceOperation<
          GenericKubernetesResource,
          GenericKubernetesResourceList,
          Resource<GenericKubernetesResource>>
      of(KubernetesClient client, ResourceKind kind, String namespace) {
    var ops = client.genericKubernetesResources(KubeKind.context(kind));
    return kind.namespaced() ? ops.inNamespace(namespace) : ops;
  }

  /** List and watch operations: in {@code namespace}, or across all when null. */
  static FilterWatchListDeletable<
          GenericKubernetesResource,
          GenericKubernetesResourceList,
          Resource<GenericKubernetesResource>>
      list(KubernetesClient client, ResourceKind kind, String namespace) {
    var ops = client.genericKubernetesResources(KubeKind.context(kind));
    if (!kind.namespaced()) return ops;
    return namespace == null ? ops.inAnyNamespace() : ops.inNamespace(namespace);
  }
}
