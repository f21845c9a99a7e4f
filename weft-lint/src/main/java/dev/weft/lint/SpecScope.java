package dev.weft.lint;

import dev.weft.model.spec.Template;
import dev.weft.model.spec.TemplateRef;
import dev.weft.model.spec.WorkflowSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the checks of one workflow spec share: where it is, its templates (its own and those of the
 * WorkflowTemplate it references), the workflow parameters and the other files' templates.
 *
 * @param pointer the JSON pointer of the spec in its document ({@code /spec} or {@code
 *     /spec/workflowSpec})
 * @param globals the names of {@code workflow.parameters}
 * @param globalsComplete false for a WorkflowTemplate, whose callers may pass more parameters
 * @param runnable true for a Workflow or CronWorkflow, whose entrypoint gets the arguments
 */
record SpecScope(
    WorkflowSpec spec,
    String pointer,
    Reporter report,
    TemplateLibrary library,
    Map<String, Template> templates,
    Set<String> globals,
    boolean globalsComplete,
    boolean runnable,
    boolean cron) {

  static Map<String, Template> templatesByName(List<Template> own, List<Template> inherited) {
    Map<String, Template> byName = new LinkedHashMap<>();
    for (Template t : own) if (t.name() != null) byName.putIfAbsent(t.name(), t);
    for (Template t : inherited) if (t.name() != null) byName.putIfAbsent(t.name(), t);
    return byName;
  }

  Optional<Template> template(String name) {
    return Optional.ofNullable(templates.get(name));
  }

  /** The template an invocation runs, when it can be known before running. */
  Optional<Template> resolve(String template, TemplateRef ref, Template inline) {
    if (inline != null) return Optional.of(inline);
    if (template != null) return template(template);
    if (ref != null && ref.name() != null && ref.template() != null) {
      return library
          .find(ref.name(), ref.cluster())
          .flatMap(
              s ->
                  s.templatesOrEmpty().stream()
                      .filter(t -> ref.template().equals(t.name()))
                      .findFirst());
    }
    return Optional.empty();
  }
}
