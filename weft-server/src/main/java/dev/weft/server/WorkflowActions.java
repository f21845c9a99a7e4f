package dev.weft.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.controller.ControlPlane;
import dev.weft.controller.workflow.WorkflowKey;
import dev.weft.model.Workflow;
import dev.weft.model.codec.Codec;
import dev.weft.model.spec.Parameter;
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

  private Workflow running(Request r, String verb) {
    Workflow wf =
        StoredObjects.get(plane.store(), Workflow.class, r.path("namespace"), r.path("name"));
    if (wf.status() != null && wf.status().phase() != null && wf.status().phase().completed()) {
      throw ApiException.failedPrecondition(
          "cannot " + verb + " completed workflow " + wf.metadata().name());
    }
    return wf;
  }

  private Workflow current(Workflow wf) {
    return StoredObjects.get(
        plane.store(), Workflow.class, wf.metadata().namespaceOrDefault(), wf.metadata().name());
  }

  private Object suspend(Request r) {
    Workflow wf = running(r, "suspend");
    plane.suspend(ControlPlane.key(wf));
    return StoredObjects.get(
        plane.store(), Workflow.class, wf.metadata().namespaceOrDefault(), wf.metadata().name());
  }

  private Object resume(Request r) throws IOException {
    Workflow wf = running(r, "resume");
    String selector = Bodies.parse(r.body()).path("nodeFieldSelector").asText("");
    WorkflowKey key = ControlPlane.key(wf);
    if (selector.isBlank()) {
      plane.resume(key, null, Map.of());
    } else {
      for (NodeStatus n : suspended(wf, selector)) plane.resume(key, n.name(), Map.of());
    }
    return current(wf);
  }

  private Object shutdown(Request r, String strategy) {
    Workflow wf = running(r, strategy.toLowerCase(java.util.Locale.ROOT));
    plane.shutdown(ControlPlane.key(wf), strategy);
    return current(wf);
  }

  /** Argo's set: mark the matching suspend nodes done, with output parameters. */
  private Object set(Request r) throws IOException {
    Workflow wf = running(r, "set");
    JsonNode body = Bodies.parse(r.body());
    String selector = body.path("nodeFieldSelector").asText("");
    if (selector.isBlank()) throw ApiException.invalid("nodeFieldSelector: required");
    String phase = body.path("phase").asText("");
    if (!phase.isEmpty() && !phase.equals("Succeeded")) {
      throw ApiException.unimplemented("phase " + phase + ": only Succeeded is supported");
    }
    Map<String, String> outputs = outputParameters(body.path("outputParameters").asText(""));
    List<NodeStatus> nodes = suspended(wf, selector);
    if (nodes.isEmpty()) {
      throw ApiException.failedPrecondition(
          "nodeFieldSelector \"" + selector + "\" matches no suspended node");
    }
    for (NodeStatus n : nodes) plane.resume(ControlPlane.key(wf), n.name(), outputs);
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
