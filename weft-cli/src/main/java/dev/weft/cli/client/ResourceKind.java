package dev.weft.cli.client;

import dev.weft.model.ClusterWorkflowTemplate;
import dev.weft.model.CronWorkflow;
import dev.weft.model.Resource;
import dev.weft.model.Workflow;
import dev.weft.model.WorkflowEventBinding;
import dev.weft.model.WorkflowTemplate;

/** The kinds the server stores, with where each lives in the API and its request envelope. */
public enum ResourceKind {
  WORKFLOW(Workflow.class, "/api/v1/workflows", "workflow", true),
  WORKFLOW_TEMPLATE(WorkflowTemplate.class, "/api/v1/workflow-templates", "template", true),
  CLUSTER_WORKFLOW_TEMPLATE(
      ClusterWorkflowTemplate.class, "/api/v1/cluster-workflow-templates", "template", false),
  CRON_WORKFLOW(CronWorkflow.class, "/api/v1/cron-workflows", "cronWorkflow", true),
  WORKFLOW_EVENT_BINDING(
      WorkflowEventBinding.class, "/api/v1/workflow-event-bindings", "workflowEventBinding", true);

  private final Class<? extends Resource> type;
  private final String base;
  private final String bodyField;
  private final boolean namespaced;

  ResourceKind(Class<? extends Resource> type, String base, String bodyField, boolean namespaced) {
    this.type = type;
    this.base = base;
    this.bodyField = bodyField;
    this.namespaced = namespaced;
  }

  public Class<? extends Resource> type() {
    return type;
  }

  /** The kind as written in YAML: {@code WorkflowTemplate}. */
  public String kind() {
    return type.getSimpleName();
  }

  /** The field of a create or lint body that holds the object: {@code {"template": {...}}}. */
  public String bodyField() {
    return bodyField;
  }

  public boolean namespaced() {
    return namespaced;
  }

  /** The collection; {@code namespace} null lists every namespace. */
  public String collection(String namespace) {
    return namespaced && namespace != null ? ApiClient.path(base, namespace) : base;
  }

  public String item(String namespace, String name) {
    return namespaced ? ApiClient.path(base, namespace, name) : ApiClient.path(base, name);
  }
}
