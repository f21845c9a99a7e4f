package dev.weft.cli.local;

import dev.weft.model.ClusterWorkflowTemplate;
import dev.weft.model.Resource;
import dev.weft.model.Workflow;
import dev.weft.model.WorkflowTemplate;
import dev.weft.model.codec.Diagnostic;
import dev.weft.model.codec.Located;
import dev.weft.model.spec.Arguments;
import dev.weft.model.spec.Parameter;
import dev.weft.model.spec.WorkflowSpec;
import dev.weft.model.spec.WorkflowTemplateRef;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Warns of a {@code -p} the workflow does not declare. Argo adds such a parameter silently, and so
 * does Weft (a template may read it as {@code workflow.parameters.X}), but a typo should be seen.
 */
public final class UndeclaredParameters {
  private UndeclaredParameters() {}

  /**
   * One warning per name the workflow's arguments (and its workflowTemplateRef's, when that
   * template is among {@code loaded}) do not declare; none when the referenced template is not
   * loaded, as its arguments are then unknown.
   */
  public static List<Diagnostic> check(
      Located<Workflow> wf, Collection<Resource> loaded, Collection<String> given) {
    Optional<Set<String>> declared = declared(wf.value().spec(), loaded);
    if (declared.isEmpty()) return List.of();
    String listed =
        declared.get().isEmpty()
            ? "it declares none"
            : "it declares: " + String.join(", ", declared.get());
    List<Diagnostic> out = new ArrayList<>();
    for (String name : given) {
      if (declared.get().contains(name)) continue;
      out.add(
          Diagnostic.warning(
              wf.locations().locate("/spec/arguments/parameters"),
              "-p " + name,
              "the workflow declares no parameter \"" + name + "\" (" + listed + ")"));
    }
    return out;
  }

  private static Optional<Set<String>> declared(WorkflowSpec spec, Collection<Resource> loaded) {
    if (spec == null) return Optional.of(Set.of());
    Set<String> names = new LinkedHashSet<>(names(spec.arguments()));
    WorkflowTemplateRef ref = spec.workflowTemplateRef();
    if (ref != null) {
      Optional<WorkflowSpec> template = referenced(ref, loaded);
      if (template.isEmpty()) return Optional.empty();
      names.addAll(names(template.get().arguments()));
    }
    return Optional.of(names);
  }

  private static Optional<WorkflowSpec> referenced(
      WorkflowTemplateRef ref, Collection<Resource> loaded) {
    boolean cluster = Boolean.TRUE.equals(ref.clusterScope());
    for (Resource r : loaded) {
      if (r.metadata() == null || ref.name() == null || !ref.name().equals(r.metadata().name())) {
        continue;
      }
      if (cluster && r instanceof ClusterWorkflowTemplate t && t.spec() != null) {
        return Optional.of(t.spec());
      }
      if (!cluster && r instanceof WorkflowTemplate t && t.spec() != null) {
        return Optional.of(t.spec());
      }
    }
    return Optional.empty();
  }

  private static List<String> names(Arguments arguments) {
    if (arguments == null) return List.of();
    return arguments.parametersOrEmpty().stream()
        .map(Parameter::name)
        .filter(n -> n != null)
        .toList();
  }
}
