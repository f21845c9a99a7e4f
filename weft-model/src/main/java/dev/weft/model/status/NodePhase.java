package dev.weft.model.status;

import com.fasterxml.jackson.annotation.JsonValue;

/** Argo's node phases, written as Argo writes them. */
public enum NodePhase {
  PENDING("Pending"),
  RUNNING("Running"),
  SUCCEEDED("Succeeded"),
  SKIPPED("Skipped"),
  FAILED("Failed"),
  ERROR("Error"),
  OMITTED("Omitted");

  private final String label;

  NodePhase(String label) {
    this.label = label;
  }

  @JsonValue
  public String label() {
    return label;
  }

  public boolean fulfilled() {
    return this == SUCCEEDED
        || this == SKIPPED
        || this == FAILED
        || this == ERROR
        || this == OMITTED;
  }

  /** Failed or Error: what `continueOn`, retries and exit handlers treat as unsuccessful. */
  public boolean unsuccessful() {
    return this == FAILED || this == ERROR;
  }

  public static NodePhase parse(String text) {
    for (NodePhase p : values()) {
      if (p.label.equals(text)) return p;
    }
    throw new IllegalArgumentException("unknown node phase: " + text);
  }
}
