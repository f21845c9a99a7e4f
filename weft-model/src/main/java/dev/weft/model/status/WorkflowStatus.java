package dev.weft.model.status;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.model.spec.Outputs;
import java.time.Instant;
import java.util.Map;

public record WorkflowStatus(
    WorkflowPhase phase,
    Instant startedAt,
    Instant finishedAt,
    String progress,
    String message,
    Map<String, NodeStatus> nodes,
    Outputs outputs,
    JsonNode conditions,
    JsonNode persistentVolumeClaims,
    JsonNode storedTemplates,
    JsonNode storedWorkflowTemplateSpec,
    JsonNode synchronization) {

  public static WorkflowStatus empty() {
    return new WorkflowStatus(
        null, null, null, null, null, Map.of(), null, null, null, null, null, null);
  }

  public Map<String, NodeStatus> nodesOrEmpty() {
    return nodes == null ? Map.of() : nodes;
  }
}
