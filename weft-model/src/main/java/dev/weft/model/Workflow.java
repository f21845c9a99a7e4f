package dev.weft.model;

import dev.weft.model.spec.WorkflowSpec;
import dev.weft.model.status.WorkflowStatus;

public record Workflow(
    String apiVersion, String kind, ObjectMeta metadata, WorkflowSpec spec, WorkflowStatus status)
    implements Resource {

  public Workflow withStatus(WorkflowStatus newStatus) {
    return new Workflow(apiVersion, kind, metadata, spec, newStatus);
  }

  public Workflow withMetadata(ObjectMeta newMetadata) {
    return new Workflow(apiVersion, kind, newMetadata, spec, status);
  }

  public Workflow withSpec(WorkflowSpec newSpec) {
    return new Workflow(apiVersion, kind, metadata, newSpec, status);
  }

  /** Whether the workflow has reached a final phase (Succeeded, Failed or Error). */
  public boolean completed() {
    return status != null && status.phase() != null && status.phase().completed();
  }

  public String name() {
    return metadata.name();
  }
}
