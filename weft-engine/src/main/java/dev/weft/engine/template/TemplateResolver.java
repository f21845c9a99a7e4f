package dev.weft.engine.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.engine.Library;
import dev.weft.model.ClusterWorkflowTemplate;
import dev.weft.model.WorkflowTemplate;
import dev.weft.model.codec.Codec;
import dev.weft.model.spec.Template;
import dev.weft.model.spec.TemplateRef;
import java.util.List;

/** Finds the template a call names and applies the workflow's templateDefaults to it. */
public final class TemplateResolver {
  private final Library library;
  private final Template defaults;

  public TemplateResolver(Library library, Template defaults) {
    this.library = library;
    this.defaults = defaults;
  }

  public Resolved resolve(Call call) {
    Resolved found = find(call);
    return new Resolved(withDefaults(found.template()), found.holder());
  }

  private Resolved find(Call call) {
    if (call.inline() != null) return new Resolved(call.inline(), call.holder());
    if (call.templateRef() != null) return byRef(call.templateRef());
    if (call.template() == null || call.template().isEmpty()) {
      throw new EngineError("template name is empty");
    }
    return call.holder()
        .find(call.template())
        .map(t -> new Resolved(t, call.holder()))
        .orElseThrow(() -> new EngineError("template name '" + call.template() + "' undefined"));
  }

  public TemplateHolder holderFor(TemplateRef ref) {
    if (ref.cluster()) {
      ClusterWorkflowTemplate cwft = library.clusterWorkflowTemplates().get(ref.name());
      if (cwft == null) {
        throw new EngineError(
            "clusterworkflowtemplates.argoproj.io \"" + ref.name() + "\" not found");
      }
      return new TemplateHolder(TemplateHolder.Kind.cluster, ref.name(), cwft.spec());
    }
    WorkflowTemplate wft = library.workflowTemplates().get(ref.name());
    if (wft == null) {
      throw new EngineError("workflowtemplates.argoproj.io \"" + ref.name() + "\" not found");
    }
    return new TemplateHolder(TemplateHolder.Kind.namespaced, ref.name(), wft.spec());
  }

  private Resolved byRef(TemplateRef ref) {
    TemplateHolder holder = holderFor(ref);
    Template t =
        holder
            .find(ref.template())
            .orElseThrow(
                () ->
                    new EngineError(
                        "template "
                            + ref.template()
                            + " not found in "
                            + (ref.cluster() ? "cluster " : "")
                            + "workflow template "
                            + ref.name()));
    return new Resolved(t, holder);
  }

  private static final List<String> BODY_FIELDS =
      List.of(
          "container",
          "script",
          "steps",
          "dag",
          "suspend",
          "containerSet",
          "resource",
          "data",
          "http",
          "plugin");

  /** Defaults fill what the template leaves unset, but never change what kind of template it is. */
  private Template withDefaults(Template t) {
    if (defaults == null) return t;
    ObjectNode base = (ObjectNode) Codec.tree(defaults);
    JsonNode own = Codec.tree(t);
    for (String body : BODY_FIELDS) {
      if (!own.has(body)) base.remove(body);
    }
    return Codec.convert(JsonMerge.merge(base, own), Template.class);
  }
}
