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
