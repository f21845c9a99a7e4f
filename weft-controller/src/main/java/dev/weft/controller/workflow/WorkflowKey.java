package dev.weft.controller.workflow;

/** The queue key of a workflow. */
public record WorkflowKey(String namespace, String name) {
  @Override
  public String toString() {
    return namespace + "/" + name;
  }
}
