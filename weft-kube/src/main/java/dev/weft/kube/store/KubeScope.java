package dev.weft.kube.store;

/**
 * What part of the cluster a Weft controller owns: one namespace or all, and the instance id that
 * lets it run beside Argo (or another Weft) on the same cluster. Selectors use only `=`, `!=` and
 * existence, which every API server (and the test mock) evaluates alike.
 *
 * @param namespace the managed namespace; null for the whole cluster
 * @param instanceId Argo's controller instance id; null for workflows that carry none
 */
public record KubeScope(String namespace, String instanceId) {
  public static final String INSTANCE_LABEL = "workflows.argoproj.io/controller-instanceid";
  public static final String COMPLETED_LABEL = "workflows.argoproj.io/completed";
  public static final String WORKFLOW_LABEL = "workflows.argoproj.io/workflow";
  public static final String CONFIGMAP_TYPE_LABEL = "workflows.argoproj.io/configmap-type";

  public static KubeScope cluster() {
    return new KubeScope(null, null);
  }

  /** The instance requirement, as selector text. */
  public String instanceSelector() {
    return instanceId == null || instanceId.isEmpty()
        ? "!" + INSTANCE_LABEL
        : INSTANCE_LABEL + "=" + instanceId;
  }

  /** The workflows a controller follows: unfinished ones of its instance. */
  public String activeWorkflows() {
    return COMPLETED_LABEL + "!=true," + instanceSelector();
  }

  /** The pods a controller follows: those of workflows, not yet labelled completed. */
  public String activePods() {
    return WORKFLOW_LABEL + "," + COMPLETED_LABEL + "!=true," + instanceSelector();
  }

  /** The task results a controller follows. */
  public String taskResults() {
    return WORKFLOW_LABEL + "," + instanceSelector();
  }
}
