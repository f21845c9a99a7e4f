package dev.weft.kube.store;

import dev.weft.store.ResourceKind;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;

/** Where the API server keeps each kind Weft stores. */
public final class KubeKind {
  private KubeKind() {}

  public static ResourceDefinitionContext context(ResourceKind kind) {
    return switch (kind) {
      case WORKFLOW -> argo("Workflow", "workflows", true);
      case WORKFLOW_TEMPLATE -> argo("WorkflowTemplate", "workflowtemplates", true);
      case CLUSTER_WORKFLOW_TEMPLATE ->
          argo("ClusterWorkflowTemplate", "clusterworkflowtemplates", false);
      case CRON_WORKFLOW -> argo("CronWorkflow", "cronworkflows", true);
      case WORKFLOW_EVENT_BINDING -> argo("WorkflowEventBinding", "workfloweventbindings", true);
      case EVENT_DELIVERY -> weft("EventDelivery", "eventdeliveries");
      case CONFIG_MAP -> core("ConfigMap", "configmaps");
      case SECRET -> core("Secret", "secrets");
      case PERSISTENT_VOLUME_CLAIM -> core("PersistentVolumeClaim", "persistentvolumeclaims");
    };
  }

  /** Argo's task results: what each pod's wait container reports. */
  public static final ResourceDefinitionContext TASK_RESULT =
      argo("WorkflowTaskResult", "workflowtaskresults", true);

  private static ResourceDefinitionContext argo(String kind, String plural, boolean namespaced) {
    return new ResourceDefinitionContext.Builder()
        .withGroup("argoproj.io")
        .withVersion("v1alpha1")
        .withKind(kind)
        .withPlural(plural)
        .withNamespaced(namespaced)
        .build();
  }

  /** Weft's own kinds (group weft.dev), all namespaced. */
  private static ResourceDefinitionContext weft(String kind, String plural) {
    return new ResourceDefinitionContext.Builder()
        .withGroup("weft.dev")
        .withVersion("v1alpha1")
        .withKind(kind)
        .withPlural(plural)
        .withNamespaced(true)
        .build();
  }

  private static ResourceDefinitionContext core(String kind, String plural) {
    return new ResourceDefinitionContext.Builder()
        .withGroup("")
        .withVersion("v1")
        .withKind(kind)
        .withPlural(plural)
        .withNamespaced(true)
        .build();
  }
}
