package dev.weft.model.status;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.model.spec.Inputs;
import dev.weft.model.spec.Outputs;
import java.time.Instant;
import java.util.List;

/** One node of a workflow's status tree, as Argo records it. */
public record NodeStatus(
    String id,
    String name,
    String displayName,
    NodeType type,
    String templateName,
    JsonNode templateRef,
    String templateScope,
    NodePhase phase,
    String boundaryID,
    String message,
    Instant startedAt,
    Instant finishedAt,
    String podName,
    Boolean daemoned,
    NodeFlag nodeFlag,
    Inputs inputs,
    Outputs outputs,
    List<String> children,
    List<String> outboundNodes,
    String hostNodeName,
    JsonNode memoizationStatus,
    JsonNode synchronizationStatus) {

  public record NodeFlag(Boolean hooked, Boolean retried) {}

  public List<String> childrenOrEmpty() {
    return children == null ? List.of() : children;
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  public static Builder builder(String id, String name, NodeType type) {
    return new Builder(
        new NodeStatus(
            id,
            name,
            name,
            type,
            null,
            null,
            null,
            NodePhase.PENDING,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            List.of(),
            null,
            null,
            null,
            null));
  }
}
