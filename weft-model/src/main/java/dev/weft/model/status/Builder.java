package dev.weft.model.status;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.model.spec.Inputs;
import dev.weft.model.spec.Outputs;
import java.time.Instant;
import java.util.List;

/** Changes a {@link NodeStatus}; the engine builds each new node state through it. */
public final class Builder {
  private String id;
  private String name;
  private String displayName;
  private NodeType type;
  private String templateName;
  private JsonNode templateRef;
  private String templateScope;
  private NodePhase phase;
  private String boundaryID;
  private String message;
  private Instant startedAt;
  private Instant finishedAt;
  private String podName;
  private Boolean daemoned;
  private NodeStatus.NodeFlag nodeFlag;
  private Inputs inputs;
  private Outputs outputs;
  private List<String> children;
  private List<String> outboundNodes;
  private String hostNodeName;
  private JsonNode memoizationStatus;
  private JsonNode synchronizationStatus;

  Builder(NodeStatus s) {
    this.id = s.id();
    this.name = s.name();
    this.displayName = s.displayName();
    this.type = s.type();
    this.templateName = s.templateName();
    this.templateRef = s.templateRef();
    this.templateScope = s.templateScope();
    this.phase = s.phase();
    this.boundaryID = s.boundaryID();
    this.message = s.message();
    this.startedAt = s.startedAt();
    this.finishedAt = s.finishedAt();
    this.podName = s.podName();
    this.daemoned = s.daemoned();
    this.nodeFlag = s.nodeFlag();
    this.inputs = s.inputs();
    this.outputs = s.outputs();
    this.children = s.children();
    this.outboundNodes = s.outboundNodes();
    this.hostNodeName = s.hostNodeName();
    this.memoizationStatus = s.memoizationStatus();
    this.synchronizationStatus = s.synchronizationStatus();
  }

  public Builder id(String value) {
    this.id = value;
    return this;
  }

  public Builder name(String value) {
    this.name = value;
    return this;
  }

  public Builder displayName(String value) {
    this.displayName = value;
    return this;
  }

  public Builder type(NodeType value) {
    this.type = value;
    return this;
  }

  public Builder templateName(String value) {
    this.templateName = value;
    return this;
  }

  public Builder templateRef(JsonNode value) {
    this.templateRef = value;
    return this;
  }

  public Builder templateScope(String value) {
    this.templateScope = value;
    return this;
  }

  public Builder phase(NodePhase value) {
    this.phase = value;
    return this;
  }

  public Builder boundaryID(String value) {
    this.boundaryID = value;
    return this;
  }

  public Builder message(String value) {
    this.message = value;
    return this;
  }

  public Builder startedAt(Instant value) {
    this.startedAt = value;
    return this;
  }

  public Builder finishedAt(Instant value) {
    this.finishedAt = value;
    return this;
  }

  public Builder podName(String value) {
    this.podName = value;
    return this;
  }

  public Builder daemoned(Boolean value) {
    this.daemoned = value;
    return this;
  }

  public Builder nodeFlag(NodeStatus.NodeFlag value) {
    this.nodeFlag = value;
    return this;
  }

  public Builder inputs(Inputs value) {
    this.inputs = value;
    return this;
  }

  public Builder outputs(Outputs value) {
    this.outputs = value;
    return this;
  }

  public Builder children(List<String> value) {
    this.children = value;
    return this;
  }

  public Builder outboundNodes(List<String> value) {
    this.outboundNodes = value;
    return this;
  }

  public Builder hostNodeName(String value) {
    this.hostNodeName = value;
    return this;
  }

  public Builder memoizationStatus(JsonNode value) {
    this.memoizationStatus = value;
    return this;
  }

  public Builder synchronizationStatus(JsonNode value) {
    this.synchronizationStatus = value;
    return this;
  }

  public NodeStatus build() {
    return new NodeStatus(
        id,
        name,
        displayName,
        type,
        templateName,
        templateRef,
        templateScope,
        phase,
        boundaryID,
        message,
        startedAt,
        finishedAt,
        podName,
        daemoned,
        nodeFlag,
        inputs,
        outputs,
        children,
        outboundNodes,
        hostNodeName,
        memoizationStatus,
        synchronizationStatus);
  }
}
