package dev.weft.controller.workflow;

/** The queue key of a workflow. */
public record WorkflowKey(String namespace, String name) {
  public static WorkflowKey of(dev.weft.model.Workflow wf) {
    return new WorkflowKey(wf.metadata().namespaceOrDefault(), wf.metadata().name());
  }

  @Override
  public String toString() {
    return namespace + "/" + name;
  }
}
