package dev.weft.kube.pods;

import dev.weft.kube.store.KubeKind;
import dev.weft.kube.store.KubeScope;
import dev.weft.model.Workflow;
import dev.weft.model.codec.Codec;
import dev.weft.model.spec.WorkflowSpec;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.Objects;

/**
 * What Kubernetes mode writes besides pods: completed labels, deletions, the claims of
 * volumeClaimTemplates and the task results a finished workflow leaves. Deletions are explicit and
 * label-selected; owner references make the API server's garbage collector a second line only.
 */
final class PodCleanup {
  private static final System.Logger LOG = System.getLogger(PodCleanup.class.getName());

  /** How long a stopped step may take to end after SIGTERM. */
  static final long GRACE_SECONDS = 30;

  private final KubernetesClient client;

  PodCleanup(KubernetesClient client) {
    this.client = client;
  }

  /** Labels the pod completed, which takes it out of the pod informer's cache. */
  void markCompleted(Pod pod) {
    String patch = "{\"metadata\":{\"labels\":{\"" + KubeScope.COMPLETED_LABEL + "\":\"true\"}}}";
    try {
      client
          .pods()
          .inNamespace(pod.getMetadata().getNamespace())
          .withName(pod.getMetadata().getName())
          .patch(PatchContext.of(PatchType.JSON_MERGE), patch);
    } catch (KubernetesClientException e) {
      LOG.log(System.Logger.Level.DEBUG, "cannot label " + pod.getMetadata().getName() + ": " + e);
    }
  }

  void delete(String ns, String podName, String reason) {
    try {
      client.pods().inNamespace(ns).withName(podName).withGracePeriod(GRACE_SECONDS).delete();
    } catch (KubernetesClientException e) {
      if (e.getCode() != 404) throw e;
    }
  }

  /** Creates the workflow's claims from volumeClaimTemplates that do not exist yet. */
  void ensureClaims(Workflow wf, WorkflowSpec spec) {
    if (spec.volumeClaimTemplates() == null) return;
    String ns = wf.metadata().namespaceOrDefault();
    for (var template : spec.volumeClaimTemplates()) {
      String name = PodManifest.claimName(wf, template.metadata().name());
      if (client.persistentVolumeClaims().inNamespace(ns).withName(name).get() != null) continue;
      var tree = Codec.json().createObjectNode();
      tree.put("apiVersion", "v1").put("kind", "PersistentVolumeClaim");
      var meta = tree.putObject("metadata");
      meta.put("name", name).put("namespace", ns);
      meta.putObject("labels").put(KubeScope.WORKFLOW_LABEL, wf.metadata().name());
      meta.putArray("ownerReferences")
          .addObject()
          .put("apiVersion", "argoproj.io/v1alpha1")
          .put("kind", "Workflow")
          .put("name", wf.metadata().name())
          .put("uid", wf.metadata().uid())
          .put("blockOwnerDeletion", true);
      if (template.spec() != null) tree.set("spec", template.spec());
      try {
        client
            .persistentVolumeClaims()
            .inNamespace(ns)
            .resource(Codec.json().convertValue(tree, PersistentVolumeClaim.class))
            .create();
      } catch (KubernetesClientException e) {
        if (e.getCode() != 409) throw e;
      }
    }
  }

  /**
   * A workflow left the controller's cache: finished (its task results and claims go, as in Argo)
   * or deleted (its pods go too, without waiting for the garbage collector).
   */
  void afterWorkflow(Workflow wf) {
    String ns = wf.metadata().namespaceOrDefault();
    String name = wf.metadata().name();
    String uid = wf.metadata().uid();
    try {
      client
          .genericKubernetesResources(KubeKind.TASK_RESULT)
          .inNamespace(ns)
          .withLabel(KubeScope.WORKFLOW_LABEL, name)
          .delete();
      for (var claim :
          client
              .persistentVolumeClaims()
              .inNamespace(ns)
              .withLabel(KubeScope.WORKFLOW_LABEL, name)
              .list()
              .getItems()) {
        if (ownedBy(claim, uid)) client.resource(claim).delete();
      }
      var current =
          client
              .genericKubernetesResources(
                  dev.weft.kube.store.KubeKind.context(dev.weft.store.ResourceKind.WORKFLOW))
              .inNamespace(ns)
              .withName(name)
              .get();
      if (current != null && Objects.equals(current.getMetadata().getUid(), uid)) return;
      for (Pod pod :
          client
              .pods()
              .inNamespace(ns)
              .withLabel(KubeScope.WORKFLOW_LABEL, name)
              .list()
              .getItems()) {
        if (ownedBy(pod, uid)) client.resource(pod).delete();
      }
    } catch (KubernetesClientException e) {
      LOG.log(System.Logger.Level.WARNING, "cleaning up after workflow " + name + ": " + e);
    }
  }

  private static boolean ownedBy(HasMetadata obj, String uid) {
    var owners = obj.getMetadata().getOwnerReferences();
    return owners != null && owners.stream().anyMatch(o -> Objects.equals(o.getUid(), uid));
  }
}
