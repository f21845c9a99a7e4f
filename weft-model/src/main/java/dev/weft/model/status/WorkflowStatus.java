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

  public Map<String, NodeStatus> nodesOrEmpty() {
    return nodes == null ? Map.of() : nodes;
  }
}
