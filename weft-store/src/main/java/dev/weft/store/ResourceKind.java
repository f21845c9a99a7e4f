package dev.weft.store;

import dev.weft.model.ClusterWorkflowTemplate;
import dev.weft.model.ConfigMap;
import dev.weft.model.CronWorkflow;
import dev.weft.model.EventDelivery;
import dev.weft.model.PersistentVolumeClaim;
import dev.weft.model.Resource;
import dev.weft.model.Secret;
import dev.weft.model.Workflow;
import dev.weft.model.WorkflowEventBinding;
import dev.weft.model.WorkflowTemplate;

/** The kinds the store keeps, with the facts about each that the store's semantics need. */
public enum ResourceKind {
  WORKFLOW(Workflow.class, "Workflow", Group.ARGO, true, true),
  WORKFLOW_TEMPLATE(WorkflowTemplate.class, "WorkflowTemplate", Group.ARGO, true, false),
  CLUSTER_WORKFLOW_TEMPLATE(
      ClusterWorkflowTemplate.class, "ClusterWorkflowTemplate", Group.ARGO, false, false),
  CRON_WORKFLOW(CronWorkflow.class, "CronWorkflow", Group.ARGO, true, true),
  WORKFLOW_EVENT_BINDING(
      WorkflowEventBinding.class, "WorkflowEventBinding", Group.ARGO, true, false),
  EVENT_DELIVERY(EventDelivery.class, EventDelivery.KIND, Group.WEFT, true, true),
  CONFIG_MAP(ConfigMap.class, "ConfigMap", Group.CORE, true, false),
  SECRET(Secret.class, "Secret", Group.CORE, true, false),
  PERSISTENT_VOLUME_CLAIM(
      PersistentVolumeClaim.class, "PersistentVolumeClaim", Group.CORE, true, true);

  private static final class Group {
    static final String ARGO = "argoproj.io/v1alpha1";
    static final String CORE = "v1";
    static final String WEFT = EventDelivery.API_VERSION;
  }

  private final Class<? extends Resource> type;
  private final String kindName;
  private final String defaultApiVersion;
  private final boolean namespaced;
  private final boolean hasStatus;

  ResourceKind(
      Class<? extends Resource> type,
      String kindName,
      String defaultApiVersion,
      boolean namespaced,
      boolean hasStatus) {
    this.type = type;
    this.kindName = kindName;
    this.defaultApiVersion = defaultApiVersion;
    this.namespaced = namespaced;
    this.hasStatus = hasStatus;
  }

  public Class<? extends Resource> type() {
    return type;
  }

  /** The Kubernetes kind name, as in an object's {@code kind} field. */
  public String kindName() {
    return kindName;
  }

  public String defaultApiVersion() {
    return defaultApiVersion;
  }

  /** False for cluster-scoped kinds, whose objects have no namespace. */
  public boolean namespaced() {
    return namespaced;
  }

  /** Whether objects of this kind carry a status that {@code updateStatus} may write. */
  public boolean hasStatus() {
    return hasStatus;
  }

  public static ResourceKind of(Resource obj) {
    return switch (obj) {
      case Workflow w -> WORKFLOW;
      case WorkflowTemplate t -> WORKFLOW_TEMPLATE;
      case ClusterWorkflowTemplate t -> CLUSTER_WORKFLOW_TEMPLATE;
      case CronWorkflow c -> CRON_WORKFLOW;
      case WorkflowEventBinding b -> WORKFLOW_EVENT_BINDING;
      case EventDelivery d -> EVENT_DELIVERY;
      case ConfigMap c -> CONFIG_MAP;
      case Secret s -> SECRET;
      case PersistentVolumeClaim p -> PERSISTENT_VOLUME_CLAIM;
    };
  }

  public static ResourceKind of(Class<?> type) {
    for (ResourceKind kind : values()) {
      if (kind.type == type) {
        return kind;
      }
    }
    throw new StoreException.Invalid("the store keeps no kind " + type.getSimpleName());
  }

  public static ResourceKind ofKindName(String kindName) {
    for (ResourceKind kind : values()) {
      if (kind.kindName.equals(kindName)) {
        return kind;
      }
    }
    throw new StoreException.Invalid("the store keeps no kind " + kindName);
  }
}
