package dev.weft.server.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.expr.CheckedExpr;
import dev.weft.expr.CheckedExpr.Functions;
import dev.weft.expr.ExprException;
import dev.weft.model.ObjectMeta;
import dev.weft.model.Workflow;
import dev.weft.model.WorkflowEventBinding;
import dev.weft.model.codec.Codec;
import dev.weft.model.spec.EventSubmit;
import dev.weft.model.spec.Parameter;
import dev.weft.model.spec.WorkflowSpec;
import java.util.Map;

/**
 * The Workflow a matching binding submits, made as Argo's event dispatch makes it: {@code
 * generateName: <template>-}, {@code spec.workflowTemplateRef}, the template label ({@code
 * workflow-template} or {@code cluster-workflow-template}), the template's {@code workflowMetadata}
 * labels and annotations, {@code submit.metadata}'s expressions (with Argo's functions; each must
 * give a string), the {@code workflow-event-binding} label, and one argument per {@code
 * valueFrom.event} parameter.
 */
final class BindingWorkflow {
  static final String TEMPLATE_LABEL = "workflows.argoproj.io/workflow-template";
  static final String CLUSTER_TEMPLATE_LABEL = "workflows.argoproj.io/cluster-workflow-template";
  static final String BINDING_LABEL = "workflows.argoproj.io/workflow-event-binding";

  private BindingWorkflow() {}

  static Workflow build(
      WorkflowEventBinding binding, WorkflowSpec template, Map<String, Object> env)
      throws BindingError {
    EventSubmit submit = binding.spec().submit();
    String name = submit.workflowTemplateRef().name();
    boolean cluster = submit.workflowTemplateRef().cluster();
    ObjectNode wf = Codec.json().createObjectNode();
    wf.put("apiVersion", "argoproj.io/v1alpha1").put("kind", "Workflow");
    ObjectNode meta = wf.putObject("metadata");
    meta.put("generateName", name + "-").put("namespace", binding.metadata().namespace());
    ObjectNode labels = meta.putObject("labels");
    ObjectNode annotations = meta.putObject("annotations");
    labels.put(cluster ? CLUSTER_TEMPLATE_LABEL : TEMPLATE_LABEL, name);
    JsonNode workflowMetadata = template == null ? null : template.workflowMetadata();
    if (workflowMetadata != null) {
      copyStrings(workflowMetadata.path("labels"), labels);
      copyStrings(workflowMetadata.path("annotations"), annotations);
    }
    applyMetadata(submit.metadata(), env, meta, labels, annotations);
    labels.put(BINDING_LABEL, binding.metadata().name());
    ObjectNode spec = wf.putObject("spec");
    ObjectNode ref = spec.putObject("workflowTemplateRef").put("name", name);
    if (cluster) ref.put("clusterScope", true);
    ArrayNode parameters = Codec.json().createArrayNode();
    for (Parameter p : submit.argumentsOrEmpty().parametersOrEmpty()) {
      parameters.addObject().put("name", p.name()).put("value", parameterValue(p, env));
    }
    if (!parameters.isEmpty()) spec.putObject("arguments").set("parameters", parameters);
    if (annotations.isEmpty()) meta.remove("annotations");
    return Codec.convert(wf, Workflow.class);
  }

  private static void copyStrings(JsonNode from, ObjectNode to) {
    from.properties().forEach(e -> to.put(e.getKey(), e.getValue().asText()));
  }

  /** {@code submit.metadata}: name, generateName, labels and annotations are expressions. */
  private static void applyMetadata(
      ObjectMeta metadata,
      Map<String, Object> env,
      ObjectNode meta,
      ObjectNode labels,
      ObjectNode annotations)
      throws BindingError {
    if (metadata == null) return;
    if (notEmpty(metadata.name())) {
      meta.put("name", stringExpression(metadata.name(), "name", env));
    }
    if (notEmpty(metadata.generateName())) {
      meta.put("generateName", stringExpression(metadata.generateName(), "generateName", env));
    }
    for (var e : metadata.labelsOrEmpty().entrySet()) {
      labels.put(e.getKey(), stringExpression(e.getValue(), "label \"" + e.getKey() + "\"", env));
    }
    for (var e : metadata.annotationsOrEmpty().entrySet()) {
      annotations.put(
          e.getKey(), stringExpression(e.getValue(), "annotation \"" + e.getKey() + "\"", env));
    }
  }

  private static boolean notEmpty(String s) {
    return s != null && !s.isEmpty();
  }

  private static String stringExpression(String source, String what, Map<String, Object> env)
      throws BindingError {
    Object result;
    try {
      result = CheckedExpr.evaluate(source, env, Functions.WITH_ARGO);
    } catch (ExprException e) {
      throw new BindingError(
          "failed to evaluate workflow " + what + " expression: " + e.getMessage());
    }
    if (!(result instanceof String s)) {
      throw new BindingError(
          "workflow "
              + what
              + " expression must evaluate to a string, not a "
              + GoValues.type(result));
    }
    return s;
  }

  private static String parameterValue(Parameter p, Map<String, Object> env) throws BindingError {
    if (p.valueFrom() == null) {
      throw new BindingError(
          "malformed workflow template parameter \"" + p.name() + "\": valueFrom is nil");
    }
    CheckedExpr.Compiled program;
    try {
      program = CheckedExpr.compile(p.valueFrom().event(), env.keySet(), Functions.EXPR_ONLY);
    } catch (ExprException e) {
      throw new BindingError(
          "failed to compile workflow template parameter "
              + p.name()
              + " expression: "
              + e.getMessage());
    }
    try {
      return GoValues.parameterValue(program.run(env));
    } catch (ExprException e) {
      throw new BindingError(
          "failed to evaluate workflow template parameter \""
              + p.name()
              + "\" expression: "
              + e.getMessage());
    }
  }
}
