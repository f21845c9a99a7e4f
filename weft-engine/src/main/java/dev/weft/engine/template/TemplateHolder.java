package dev.weft.engine.template;

import dev.weft.model.spec.Template;
import dev.weft.model.spec.WorkflowSpec;
import java.util.Optional;

/**
 * Where template names are looked up: the workflow itself, or the (Cluster)WorkflowTemplate a
 * templateRef pointed into. Argo calls this the template scope.
 */
public record TemplateHolder(Kind kind, String name, WorkflowSpec spec) {
  public enum Kind {
    local,
    namespaced,
    cluster
  }

  public Optional<Template> find(String templateName) {
    return spec.templatesOrEmpty().stream().filter(t -> templateName.equals(t.name())).findFirst();
  }

  /** As Argo writes it in a node's templateScope. */
  public String scope() {
    return kind == Kind.local ? "local/" + name : kind + "/" + name;
  }
}
