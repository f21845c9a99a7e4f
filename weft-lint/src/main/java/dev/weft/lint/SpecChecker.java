package dev.weft.lint;

import static dev.weft.model.codec.LocationIndex.child;

import dev.weft.model.spec.Parameter;
import dev.weft.model.spec.Template;
import dev.weft.model.spec.WorkflowSpec;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Checks of a workflow spec: entrypoint, unique template names, exit handler, each template. */
final class SpecChecker {
  private SpecChecker() {}

  static void check(SpecScope scope) {
    WorkflowSpec spec = scope.spec();
    Reporter report = scope.report();
    String at = scope.pointer();
    entrypoint(scope);
    List<Template> templates = spec.templatesOrEmpty();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < templates.size(); i++) {
      String name = templates.get(i).name();
      if (name != null && !seen.add(name)) {
        report.error(
            child(child(child(at, "templates"), i), "name"),
            "duplicate template name \"" + name + "\"");
      }
    }
    String args = child(at, "arguments");
    ParameterChecks.parameters(
        report,
        spec.argumentsOrEmpty().parametersOrEmpty(),
        child(args, "parameters"),
        "parameter");
    ParameterChecks.uniqueNames(
        report,
        spec.argumentsOrEmpty().artifactsOrEmpty().stream().map(a -> a.name()).toList(),
        child(args, "artifacts"),
        "artifact");
    if (spec.onExit() != null) InvocationChecker.onExit(scope, spec.onExit(), child(at, "onExit"));
    InvocationChecker.hooks(scope, spec.hooks(), child(at, "hooks"));
    TemplateChecker.seconds(
        report, spec.activeDeadlineSeconds(), child(at, "activeDeadlineSeconds"));
    TemplateChecker.retry(report, spec.retryStrategy(), child(at, "retryStrategy"));
    for (int i = 0; i < templates.size(); i++) {
      TemplateChecker.check(scope, templates.get(i), child(child(at, "templates"), i));
    }
    SecurityChecker.check(report, spec, at);
  }

  private static void entrypoint(SpecScope scope) {
    WorkflowSpec spec = scope.spec();
    String entry = spec.entrypoint();
    String at = child(scope.pointer(), "entrypoint");
    if (entry == null || entry.isEmpty()) {
      if (scope.runnable() && spec.workflowTemplateRef() == null) {
        scope.report().error(scope.pointer(), "missing entrypoint");
      }
      return;
    }
    if (Tag.hasTags(entry)) return;
    Optional<Template> template = scope.template(entry);
    if (template.isEmpty()) {
      scope.report().error(at, "no template named \"" + entry + "\"");
      return;
    }
    if (!scope.runnable()) return;
    for (Parameter input : template.get().inputsOrEmpty().parametersOrEmpty()) {
      if (ParameterChecks.isRequired(input) && !scope.globals().contains(input.name())) {
        scope
            .report()
            .error(
                at,
                "inputs.parameters."
                    + input.name()
                    + " was not supplied: the entrypoint \""
                    + entry
                    + "\" requires it and spec.arguments.parameters does not list it");
      }
    }
  }
}
