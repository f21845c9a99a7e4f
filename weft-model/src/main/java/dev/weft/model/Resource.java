package dev.weft.model;

/** Every object Weft reads: the Argo kinds and the core Kubernetes objects a workflow refers to. */
public sealed interface Resource
    permits Workflow,
        WorkflowTemplate,
        ClusterWorkflowTemplate,
        CronWorkflow,
        ConfigMap,
        Secret,
        PersistentVolumeClaim,
        WorkflowEventBinding,
        EventDelivery {

  String apiVersion();

  String kind();

  ObjectMeta metadata();

  /** The groups whose Workflow kinds Weft accepts; Weft's own group shares Argo's schema. */
  static boolean isWorkflowGroup(String apiVersion) {
    return "argoproj.io/v1alpha1".equals(apiVersion) || "weft.dev/v1alpha1".equals(apiVersion);
  }
}
