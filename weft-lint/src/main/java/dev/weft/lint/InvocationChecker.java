package dev.weft.lint;

import static dev.weft.model.codec.LocationIndex.child;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.model.codec.Codec;
import dev.weft.model.spec.Arguments;
import dev.weft.model.spec.Artifact;
import dev.weft.model.spec.Invocation;
import dev.weft.model.spec.LifecycleHook;
import dev.weft.model.spec.Parameter;
import dev.weft.model.spec.Sequence;
import dev.weft.model.spec.Step;
import dev.weft.model.spec.Template;
import dev.weft.model.spec.TemplateRef;
import dev.weft.model.spec.WorkflowSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Checks of one step or DAG task: what it runs, what it passes, its loop, condition and hooks. */
final class InvocationChecker {
  private InvocationChecker() {}

  /** Checks the invocation at {@code pointer} and returns the template it runs, if known. */
  static Optional<Template> check(SpecScope scope, Invocation call, String pointer) {
    Reporter report = scope.report();
    String what = call instanceof Step ? "step" : "task";
    Optional<Template> target =
        target(scope, call.template(), call.templateRef(), call.inline(), pointer, true);
    if (call.inline() != null)
      TemplateChecker.check(scope, call.inline(), child(pointer, "inline"), true);
    Arguments args = call.argumentsOrEmpty();
    String argsAt = child(pointer, "arguments");
    ParameterChecks.parameters(
        report, args.parametersOrEmpty(), child(argsAt, "parameters"), "parameter");
    ParameterChecks.uniqueNames(
        report,
        args.artifactsOrEmpty().stream().map(Artifact::name).toList(),
        child(argsAt, "artifacts"),
        "artifact");
    target.ifPresent(t -> arguments(report, args, t, pointer, what + " \"" + call.name() + "\""));
    loops(report, call, pointer);
    if (call.when() != null) Expressions.checkWhen(report, child(pointer, "when"), call.when());
    if (call.onExit() != null) onExit(scope, call.onExit(), child(pointer, "onExit"));
    hooks(scope, call.hooks(), child(pointer, "hooks"));
    return target;
  }

  /** Resolves a template, templateRef or inline template, reporting what does not exist. */
  static Optional<Template> target(
      SpecScope scope,
      String template,
      TemplateRef ref,
      Template inline,
      String pointer,
      boolean required) {
    Reporter report = scope.report();
    if (inline != null) return Optional.of(inline);
    if (template != null) {
      if (Tag.hasTags(template)) return Optional.empty();
      Optional<Template> found = scope.template(template);
      if (found.isEmpty()) {
        report.error(child(pointer, "template"), "no template named \"" + template + "\"");
      }
      return found;
    }
    if (ref != null) return templateRef(scope, ref, child(pointer, "templateRef"));
    if (required) report.error(pointer, "must name a template (template, templateRef or inline)");
    return Optional.empty();
  }

  private static Optional<Template> templateRef(SpecScope scope, TemplateRef ref, String pointer) {
    Reporter report = scope.report();
    String kind = TemplateLibrary.kind(ref.cluster());
    if (ref.name() == null) {
      report.error(pointer, "templateRef needs a name");
      return Optional.empty();
    }
    if (ref.template() == null) {
      report.error(pointer, "templateRef needs a template");
      return Optional.empty();
    }
    if (Tag.hasTags(ref.name()) || Tag.hasTags(ref.template())) return Optional.empty();
    Optional<WorkflowSpec> spec = scope.library().find(ref.name(), ref.cluster());
    if (spec.isEmpty()) {
      report.error(child(pointer, "name"), "no " + kind + " named \"" + ref.name() + "\"");
      return Optional.empty();
    }
    Optional<Template> found = scope.resolve(null, ref, null);
    if (found.isEmpty()) {
      report.error(
          child(pointer, "template"),
          kind + " \"" + ref.name() + "\" has no template named \"" + ref.template() + "\"");
    }
    return found;
  }

  private static void arguments(
      Reporter report, Arguments args, Template target, String pointer, String caller) {
    Set<String> passed =
        args.parametersOrEmpty().stream().map(Parameter::name).collect(Collectors.toSet());
    for (Parameter input : target.inputsOrEmpty().parametersOrEmpty()) {
      if (ParameterChecks.isRequired(input) && !passed.contains(input.name())) {
        report.error(
            pointer,
            "inputs.parameters."
                + input.name()
                + " was not supplied: template \""
                + target.name()
                + "\" requires it and "
                + caller
                + " does not pass it");
      }
    }
    Set<String> declared =
        target.inputsOrEmpty().parametersOrEmpty().stream()
            .map(Parameter::name)
            .collect(Collectors.toSet());
    List<Parameter> params = args.parametersOrEmpty();
    for (int i = 0; i < params.size(); i++) {
      String name = params.get(i).name();
      if (name != null && !declared.contains(name)) {
        report.warning(
            child(child(child(child(pointer, "arguments"), "parameters"), i), "name"),
            "template \"" + target.name() + "\" has no input parameter \"" + name + "\"");
      }
    }
    Set<String> declaredArtifacts =
        target.inputsOrEmpty().artifactsOrEmpty().stream()
            .map(Artifact::name)
            .collect(Collectors.toSet());
    List<Artifact> artifacts = args.artifactsOrEmpty();
    for (int i = 0; i < artifacts.size(); i++) {
      String name = artifacts.get(i).name();
      if (name != null && !declaredArtifacts.contains(name)) {
        report.warning(
            child(child(child(child(pointer, "arguments"), "artifacts"), i), "name"),
            "template \"" + target.name() + "\" has no input artifact \"" + name + "\"");
      }
    }
  }

  private static void loops(Reporter report, Invocation call, String pointer) {
    Sequence seq = call.withSequence();
    if (seq != null) {
      String at = child(pointer, "withSequence");
      if (seq.count() != null && seq.end() != null) {
        report.error(at, "withSequence takes count or end, not both");
      } else if (seq.count() == null && seq.end() == null) {
        report.error(at, "withSequence needs count or end");
      }
      number(report, seq.count(), child(at, "count"));
      number(report, seq.start(), child(at, "start"));
      number(report, seq.end(), child(at, "end"));
    }
    String param = call.withParam();
    if (param != null && !Tag.hasTags(param)) {
      String at = child(pointer, "withParam");
      try {
        JsonNode list = Codec.json().readTree(param);
        if (list == null || !list.isArray()) report.error(at, "withParam must be a JSON list");
      } catch (JsonProcessingException e) {
        report.error(at, "withParam must be a JSON list: " + e.getOriginalMessage());
      }
    }
  }

  private static void number(Reporter report, String value, String pointer) {
    if (value == null || Tag.hasTags(value)) return;
    if (!Durations.isInteger(value.strip())) {
      report.error(pointer, "\"" + value + "\" is not a number");
    }
  }

  static void onExit(SpecScope scope, String name, String pointer) {
    if (!Tag.hasTags(name) && scope.template(name).isEmpty()) {
      scope.report().error(pointer, "no template named \"" + name + "\"");
    }
  }

  static void hooks(SpecScope scope, Map<String, LifecycleHook> hooks, String pointer) {
    if (hooks == null) return;
    for (Map.Entry<String, LifecycleHook> e : hooks.entrySet()) {
      String at = child(pointer, e.getKey());
      LifecycleHook hook = e.getValue();
      if (hook == null) continue;
      target(scope, hook.template(), hook.templateRef(), null, at, true);
      if (hook.expression() != null) {
        Expressions.checkExpression(scope.report(), child(at, "expression"), hook.expression());
      }
    }
  }
}
