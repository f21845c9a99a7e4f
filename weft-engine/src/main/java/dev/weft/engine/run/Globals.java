package dev.weft.engine.run;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.weft.engine.Library;
import dev.weft.engine.template.EngineError;
import dev.weft.engine.template.InputBinder;
import dev.weft.expr.Env;
import dev.weft.expr.ExprException;
import dev.weft.expr.ExprLang;
import dev.weft.expr.GoJson;
import dev.weft.model.ObjectMeta;
import dev.weft.model.Workflow;
import dev.weft.model.spec.Artifact;
import dev.weft.model.spec.Parameter;
import dev.weft.model.spec.WorkflowSpec;
import dev.weft.model.status.WorkflowStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code workflow.*} variables every template sees. */
public final class Globals {
  private Globals() {}

  /** An argument computed from the workflow variables defined before it. */
  private static String expression(String name, String source, Map<String, String> vars) {
    try {
      Object result = ExprLang.evaluate(source, Env.expand(vars));
      if (result == null) throw new EngineError("spec.arguments." + name + ": expression gave nil");
      return result instanceof String str ? str : GoJson.marshal(result);
    } catch (ExprException e) {
      throw new EngineError("spec.arguments." + name + ".valueFrom.expression: " + e.getMessage());
    }
  }

  public static Scope of(
      Workflow wf, WorkflowSpec spec, Library lib, Instant startedAt, Instant now) {
    Map<String, String> v = new LinkedHashMap<>();
    ObjectMeta m = wf.metadata();
    v.put("workflow.name", m.name());
    v.put("workflow.namespace", m.namespaceOrDefault());
    v.put("workflow.uid", m.uid() == null ? "" : m.uid());
    v.put(
        "workflow.serviceAccountName",
        spec.serviceAccountName() == null ? "default" : spec.serviceAccountName());
    v.put("workflow.mainEntrypoint", spec.entrypoint() == null ? "" : spec.entrypoint());
    v.put("workflow.priority", spec.priority() == null ? "0" : spec.priority().toString());
    if (m.creationTimestamp() != null) v.put("workflow.creationTimestamp", m.creationTimestamp());
    m.labelsOrEmpty().forEach((k, x) -> v.put("workflow.labels." + k, x));
    m.annotationsOrEmpty().forEach((k, x) -> v.put("workflow.annotations." + k, x));
    double seconds = Duration.between(startedAt, now).toMillis() / 1000.0;
    v.put("workflow.duration", Double.toString(seconds));
    ArrayNode params = JsonNodeFactory.instance.arrayNode();
    InputBinder binder = new InputBinder(lib);
    for (Parameter p : spec.argumentsOrEmpty().parametersOrEmpty()) {
      String value = p.value();
      if (value == null && p.valueFrom() != null && p.valueFrom().configMapKeyRef() != null) {
        value =
            binder.configMapValue(p.valueFrom().configMapKeyRef(), p.valueFrom().defaultValue());
      }
      if (value == null && p.valueFrom() != null && p.valueFrom().expression() != null) {
        value = expression(p.name(), p.valueFrom().expression(), v);
      }
      if (value == null) throw new EngineError("spec.arguments." + p.name() + ".value is required");
      if (p.enumValues() != null && !p.enumValues().isEmpty() && !p.enumValues().contains(value)) {
        throw new EngineError(
            "spec.arguments."
                + p.name()
                + ".value should be present in spec.arguments."
                + p.name()
                + ".enum list");
      }
      v.put("workflow.parameters." + p.name(), value);
      params.addObject().put("name", p.name()).put("value", value);
    }
    v.put("workflow.parameters.json", params.toString());
    Map<String, Artifact> artifacts = new LinkedHashMap<>();
    WorkflowStatus status = wf.status();
    if (status != null && status.outputs() != null) {
      for (Parameter p : status.outputs().parametersOrEmpty()) {
        v.put("workflow.outputs.parameters." + p.name(), p.value());
      }
      for (Artifact a : status.outputs().artifactsOrEmpty()) {
        artifacts.put("workflow.outputs.artifacts." + a.name(), a);
      }
    }
    return new Scope(v, artifacts);
  }
}
