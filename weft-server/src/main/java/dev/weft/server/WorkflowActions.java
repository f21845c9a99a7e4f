package dev.weft.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.controller.ControlPlane;
import dev.weft.controller.workflow.WorkflowKey;
import dev.weft.model.Workflow;
import dev.weft.model.codec.Codec;
import dev.weft.model.spec.Parameter;
import dev.weft.model.status.NodePhase;
import dev.weft.model.status.NodeStatus;
import dev.weft.model.status.NodeType;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Argo's workflow operations: suspend, resume, stop, terminate and set (of suspend nodes). */
public final class WorkflowActions {
  static final Set<String> NODE_FIELDS =
      Set.of(
          "name", "id", "displayName", "templateName", "phase", "inputs.parameters.<name>.value");
  private final ControlPlane plane;

  public WorkflowActions(ControlPlane plane) {
    this.plane = plane;
  }

  public void register(Router router) {
    String base = "/api/v1/workflows/{namespace}/{name}";
    router
        .add("PUT", base + "/suspend", this::suspend)
        .add("PUT", base + "/resume", this::resume)
        .add("PUT", base + "/stop", r -> shutdown(r, "Stop"))
        .add("PUT", base + "/terminate", r -> shutdown(r, "Terminate"))
        .add("PUT", base + "/set", this::set);
  }

  private Workflow stored(Request r) {
    return StoredObjects.get(plane.store(), Workflow.class, r.path("namespace"), r.path("name"));
  }

  private Workflow current(Workflow wf) {
    return StoredObjects.get(
        plane.store(), Workflow.class, wf.metadata().namespaceOrDefault(), wf.metadata().name());
  }

  private Object suspend(Request r) {
    Workflow wf = stored(r);
    if (wf.completed()) {
      throw ApiException.invalid("cannot suspend completed workflows");
    }
    plane.suspend(ControlPlane.key(wf));
    return current(wf);
  }

  /** As on Argo, resuming a completed workflow is not an error; there is just nothing to do. */
  private Object resume(Request r) throws IOException {
    Workflow wf = stored(r);
    if (wf.completed()) return wf;
    String selector = Bodies.parse(r.body()).path("nodeFieldSelector").asText("");
    WorkflowKey key = ControlPlane.key(wf);
    if (selector.isBlank()) {
      plane.resume(key, null, Map.of());
    } else {
      for (NodeStatus n : suspended(wf, selector)) plane.resume(key, n.name(), Map.of());
    }
    return current(wf);
  }

  /**
   * Stop or terminate the workflow; a stop with a nodeFieldSelector instead fails the matching
   * suspended nodes with the given message, as Argo's does.
   */
  private Object shutdown(Request r, String strategy) throws IOException {
    Workflow wf = stored(r);
    if (wf.completed()) {
      throw ApiException.internal("cannot shutdown a completed workflow");
    }
    JsonNode body = Bodies.parse(r.body());
    String selector = body.path("nodeFieldSelector").asText("");
    if (strategy.equals("Stop") && !selector.isBlank()) {
      String message = body.path("message").asText(null);
      for (NodeStatus n : suspended(wf, selector)) {
        plane.setNode(ControlPlane.key(wf), n.name(), NodePhase.FAILED, message, Map.of());
      }
      return current(wf);
    }
    plane.shutdown(ControlPlane.key(wf), strategy);
    return current(wf);
  }

  /**
   * Argo's `node set`: the matching suspended nodes get the message and output parameters, and end
   * in the phase given (Succeeded, Failed or Error); without a phase they stay suspended.
   */
  private Object set(Request r) throws IOException {
    Workflow wf = stored(r);
    JsonNode body = Bodies.parse(r.body());
    String selector = body.path("nodeFieldSelector").asText("");
    if (selector.isBlank()) throw ApiException.invalid("nodeFieldSelector: required");
    NodePhase phase =
        switch (body.path("phase").asText("")) {
          case "" -> null;
          case "Succeeded" -> NodePhase.SUCCEEDED;
          case "Failed" -> NodePhase.FAILED;
          case "Error" -> NodePhase.ERROR;
          default ->
              throw ApiException.invalid(
                  "phase: expected Succeeded, Failed or Error, found \""
                      + body.path("phase").asText()
                      + "\"");
        };
    String message = body.hasNonNull("message") ? body.get("message").asText() : null;
    Map<String, String> outputs = outputParameters(body.path("outputParameters").asText(""));
    List<NodeStatus> nodes = suspended(wf, selector);
    if (nodes.isEmpty()) {
      throw ApiException.invalid(
          "nodeFieldSelector \"" + selector + "\" matches no suspended node");
    }
    for (NodeStatus n : nodes) {
      plane.setNode(ControlPlane.key(wf), n.name(), phase, message, outputs);
    }
    return current(wf);
  }

  private static Map<String, String> outputParameters(String text) {
    Map<String, String> out = new LinkedHashMap<>();
    if (text.isBlank()) return out;
    JsonNode tree;
    try {
      tree = Codec.json().readTree(text);
    } catch (JsonProcessingException e) {
      throw ApiException.invalid("outputParameters: not a JSON object: " + e.getOriginalMessage());
    }
    if (!tree.isObject()) throw ApiException.invalid("outputParameters: not a JSON object");
    tree.fields()
        .forEachRemaining(
            e ->
                out.put(
                    e.getKey(),
                    e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString()));
    return out;
  }

  /** The suspend nodes still waiting whose fields match Argo's node field selector. */
  static List<NodeStatus> suspended(Workflow wf, String selector) {
    FieldSelector fields = FieldSelector.parse(selector, NODE_FIELDS, "nodeFieldSelector");
    if (wf.status() == null) return List.of();
    return wf.status().nodesOrEmpty().values().stream()
        .filter(n -> n.type() == NodeType.Suspend && (n.phase() == null || !n.phase().fulfilled()))
        .filter(n -> fields.matches(f -> field(n, f)))
        .toList();
  }

  static String field(NodeStatus n, String name) {
    return switch (name) {
      case "name" -> n.name();
      case "id" -> n.id();
      case "displayName" -> n.displayName();
      case "templateName" -> n.templateName();
      case "phase" -> n.phase() == null ? null : n.phase().label();
      default -> {
        String param = name.substring("inputs.parameters.".length(), name.length() - 6);
        if (n.inputs() == null) yield null;
        yield n.inputs().parametersOrEmpty().stream()
            .filter(p -> param.equals(p.name()))
            .map(Parameter::value)
            .findFirst()
            .orElse(null);
      }
    };
  }
}
