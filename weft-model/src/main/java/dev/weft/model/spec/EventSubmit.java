package dev.weft.model.spec;

import dev.weft.model.ObjectMeta;

/**
 * Argo's {@code Submit}: the (Cluster)WorkflowTemplate to run, expressions for the workflow's name,
 * generateName, labels and annotations ({@code metadata}), and parameters whose {@code
 * valueFrom.event} is an expression over the event.
 */
public record EventSubmit(
    WorkflowTemplateRef workflowTemplateRef, ObjectMeta metadata, Arguments arguments) {

  public Arguments argumentsOrEmpty() {
    return arguments == null ? Arguments.EMPTY : arguments;
  }
}
