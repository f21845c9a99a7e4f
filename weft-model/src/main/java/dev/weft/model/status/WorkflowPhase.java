package dev.weft.model.status;

import com.fasterxml.jackson.annotation.JsonValue;

public enum WorkflowPhase {
  PENDING("Pending"),
  RUNNING("Running"),
  SUCCEEDED("Succeeded"),
  FAILED("Failed"),
  ERROR("Error");

  private final String label;

  WorkflowPhase(String label) {
    this.label = label;
  }

  @JsonValue
  public String label() {
    return label;
  }

  public boolean completed() {
    return this == SUCCEEDED || this == FAILED || this == ERROR;
  }
}
