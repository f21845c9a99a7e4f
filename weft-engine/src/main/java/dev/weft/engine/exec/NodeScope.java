package dev.weft.engine.exec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.engine.run.Scope;
import dev.weft.model.codec.Codec;
import dev.weft.model.spec.Artifact;
import dev.weft.model.spec.Outputs;
import dev.weft.model.spec.Parameter;
import dev.weft.model.status.NodeStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The variables a finished step or task offers its siblings: {@code steps.X.*}, {@code tasks.X.*}.
 */
final class NodeScope {
  private NodeScope() {}

  static Scope of(String prefix, NodeStatus node) {
    // Built in one map: this runs for every finished step or task on every walk.
    Map<String, String> v = new java.util.HashMap<>();
    v.put(prefix + ".id", node.id());
    v.put(prefix + ".status", node.phase().label());
    v.put(prefix + ".ip", "127.0.0.1");
    v.put(prefix + ".hostNodeName", "localhost");
    if (node.startedAt() != null) v.put(prefix + ".startedAt", node.startedAt().toString());
    if (node.finishedAt() != null) v.put(prefix + ".finishedAt", node.finishedAt().toString());
    Outputs out = node.outputs();
    Map<String, Artifact> a = Map.of();
    if (out != null) {
      if (out.result() != null) v.put(prefix + ".outputs.result", out.result());
      if (out.exitCode() != null) v.put(prefix + ".exitCode", out.exitCode());
      for (Parameter p : out.parametersOrEmpty()) {
        if (p.value() != null) v.put(prefix + ".outputs.parameters." + p.name(), p.value());
      }
      if (!out.artifactsOrEmpty().isEmpty()) {
        a = new java.util.HashMap<>();
        for (Artifact art : out.artifactsOrEmpty()) {
          a.put(prefix + ".outputs.artifacts." + art.name(), art);
        }
      }
    }
    return new Scope(v, a);
  }

  /** A loop's outputs: each parameter as a JSON list of values, results as a JSON list. */
  static Scope aggregate(String prefix, List<NodeStatus> children) {
    Map<String, ArrayNode> byName = new LinkedHashMap<>();
    ArrayNode maps = JsonNodeFactory.instance.arrayNode();
    ArrayNode results = JsonNodeFactory.instance.arrayNode();
    boolean anyResult = false;
    Map<String, Boolean> structured = new LinkedHashMap<>();
    for (NodeStatus c : children) {
      Outputs out = c.outputs();
      if (out == null || c.phase() != dev.weft.model.status.NodePhase.SUCCEEDED) continue;
      if (!out.parametersOrEmpty().isEmpty()) {
        ObjectNode m = maps.addObject();
        for (Parameter p : out.parametersOrEmpty()) {
          m.put(p.name(), p.value());
          byName
              .computeIfAbsent(p.name(), k -> JsonNodeFactory.instance.arrayNode())
              .add(p.value());
        }
      }
      if (out.result() != null) {
        anyResult = true;
        results.add(asJsonItem(out.result()));
      }
    }
    Scope s = Scope.empty();
    if (!maps.isEmpty()) s = s.with(prefix + ".outputs.parameters", maps.toString());
    for (var e : byName.entrySet()) {
      ArrayNode values = e.getValue();
      if (structured.getOrDefault(e.getKey(), false)) {
        ArrayNode parsed = JsonNodeFactory.instance.arrayNode();
        values.forEach(v -> parsed.add(asJsonItem(v.asText())));
        values = parsed;
      }
      s = s.with(prefix + ".outputs.parameters." + e.getKey(), values.toString());
    }
    if (anyResult) s = s.with(prefix + ".outputs.result", results.toString());
    return s;
  }

  private static boolean isStructured(String v) {
    if (v == null) return false;
    String t = v.strip();
    return (t.startsWith("{") || t.startsWith("[")) && asJsonItem(t).isContainerNode();
  }

  /** A result that is a JSON object or list joins the list as such; anything else as a string. */
  private static JsonNode asJsonItem(String result) {
    String t = result.strip();
    if (t.startsWith("{") || t.startsWith("[")) {
      try {
        return Codec.json().readTree(t);
      } catch (Exception e) {
        // not JSON after all: keep it as text
      }
    }
    return JsonNodeFactory.instance.textNode(result);
  }
}
