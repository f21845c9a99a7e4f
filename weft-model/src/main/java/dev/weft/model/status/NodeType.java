package dev.weft.model.status;

/** Argo's node types. */
public enum NodeType {
  Pod,
  Container,
  Steps,
  StepGroup,
  DAG,
  TaskGroup,
  Retry,
  Skipped,
  Suspend,
  Plugin
}
