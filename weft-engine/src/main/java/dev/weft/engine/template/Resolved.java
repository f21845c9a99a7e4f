package dev.weft.engine.template;

import dev.weft.model.spec.Template;

/** A template found for a call, and the holder its own references resolve in. */
public record Resolved(Template template, TemplateHolder holder) {}
