package dev.weft.engine.template;

import dev.weft.model.spec.Arguments;
import dev.weft.model.spec.Template;
import dev.weft.model.spec.TemplateRef;

/** A request to run a template: by name in a holder, by templateRef, or inline. */
public record Call(
    TemplateHolder holder,
    String template,
    TemplateRef templateRef,
    Template inline,
    Arguments arguments) {

  public static Call byName(TemplateHolder holder, String name, Arguments args) {
    return new Call(holder, name, null, null, args);
  }

  public Call withArguments(Arguments args) {
    return new Call(holder, template, templateRef, inline, args);
  }

  /** The name shown as the node's templateName. */
  public String displayTemplateName() {
    if (templateRef != null) return templateRef.template();
    if (inline != null) return inline.name();
    return template;
  }
}
