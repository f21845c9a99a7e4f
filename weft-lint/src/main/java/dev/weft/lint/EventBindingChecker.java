package dev.weft.lint;

import static dev.weft.model.codec.LocationIndex.child;

import dev.weft.expr.CheckedExpr;
import dev.weft.expr.CheckedExpr.Functions;
import dev.weft.expr.ExprException;
import dev.weft.model.ObjectMeta;
import dev.weft.model.WorkflowEventBinding;
import dev.weft.model.spec.EventSubmit;
import dev.weft.model.spec.Parameter;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * WorkflowEventBindings: the selector, the {@code valueFrom.event} parameters and the {@code
 * submit.metadata} expressions compile against exactly the names an event gives them. Argo stores a
 * binding with a broken selector and fails it only when an event comes (its tests rely on that), so
 * these are warnings, and errors under {@code --strict}.
 */
final class EventBindingChecker {
  /** The names an event's expressions see (Argo's expressionEnvironment). */
  static final Set<String> EVENT_NAMES =
      Set.of("payload", "metadata", "discriminator", "namespace");

  private EventBindingChecker() {}

  static void check(Reporter report, WorkflowEventBinding binding) {
    if (binding.spec() == null || binding.spec().event() == null) {
      report.deferred("", "spec.event.selector is missing: every event will fail this binding");
      return;
    }
    expression(report, "/spec/event/selector", binding.selectorOrEmpty(), Functions.EXPR_ONLY);
    EventSubmit submit = binding.spec().submit();
    if (submit == null) return;
    if (submit.workflowTemplateRef() == null || submit.workflowTemplateRef().name() == null) {
      report.deferred("/spec/submit", "submit needs workflowTemplateRef.name");
    }
    metadata(report, submit.metadata());
    List<Parameter> parameters = submit.argumentsOrEmpty().parametersOrEmpty();
    for (int i = 0; i < parameters.size(); i++) {
      Parameter p = parameters.get(i);
      String at = child(child(child("/spec/submit", "arguments"), "parameters"), String.valueOf(i));
      if (p.valueFrom() == null || p.valueFrom().event() == null) {
        report.deferred(at, "parameter \"" + p.name() + "\" needs valueFrom.event");
      } else {
        expression(
            report,
            child(child(at, "valueFrom"), "event"),
            p.valueFrom().event(),
            Functions.EXPR_ONLY);
      }
    }
  }

  /** name, generateName, labels and annotations are expressions, with Argo's functions. */
  private static void metadata(Reporter report, ObjectMeta meta) {
    if (meta == null) return;
    String at = "/spec/submit/metadata";
    if (meta.name() != null && !meta.name().isEmpty()) {
      expression(report, child(at, "name"), meta.name(), Functions.WITH_ARGO);
    }
    if (meta.generateName() != null && !meta.generateName().isEmpty()) {
      expression(report, child(at, "generateName"), meta.generateName(), Functions.WITH_ARGO);
    }
    for (Map.Entry<String, String> e : meta.labelsOrEmpty().entrySet()) {
      expression(report, child(child(at, "labels"), e.getKey()), e.getValue(), Functions.WITH_ARGO);
    }
    for (Map.Entry<String, String> e : meta.annotationsOrEmpty().entrySet()) {
      expression(
          report, child(child(at, "annotations"), e.getKey()), e.getValue(), Functions.WITH_ARGO);
    }
  }

  private static void expression(
      Reporter report, String pointer, String source, Functions functions) {
    try {
      CheckedExpr.check(source, EVENT_NAMES, functions);
    } catch (ExprException e) {
      int offset = Math.max(0, Math.min(e.column() - 1, source == null ? 0 : source.length()));
      report.deferredInValue(pointer, offset, "invalid expression: " + e.getMessage());
    }
  }
}
