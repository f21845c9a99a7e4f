package dev.weft.engine.exec;

import dev.weft.engine.template.Call;
import dev.weft.engine.template.InputBinder;
import dev.weft.engine.template.TemplateHolder;
import dev.weft.model.spec.Template;
import java.util.Map;

/**
 * A template ready to run: resolved, inputs bound, substituted. {@code vars} is the scope it was
 * substituted with, which its body's own scopes extend.
 */
record Prepared(
    Template template,
    TemplateHolder holder,
    Call call,
    InputBinder.Bound bound,
    Map<String, String> vars) {}
