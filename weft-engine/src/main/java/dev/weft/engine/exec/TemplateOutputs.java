package dev.weft.engine.exec;

import dev.weft.engine.run.Run;
import dev.weft.engine.run.Scope;
import dev.weft.engine.template.EngineError;
import dev.weft.engine.template.InputBinder;
import dev.weft.engine.template.Substitution;
import dev.weft.expr.Env;
import dev.weft.expr.ExprException;
import dev.weft.expr.ExprLang;
import dev.weft.expr.GoJson;
import dev.weft.model.spec.Artifact;
import dev.weft.model.spec.Outputs;
import dev.weft.model.spec.Parameter;
import dev.weft.model.spec.Template;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The outputs of a steps or DAG template, taken from what its children produced. */
final class TemplateOutputs {
  private final Run run;

  TemplateOutputs(Run run) {
    this.run = run;
  }

  Outputs resolve(Template t, Scope scope) {
    Outputs declared = t.outputs();
    if (declared == null) return null;
    List<Parameter> params = new ArrayList<>();
    for (Parameter p : declared.parametersOrEmpty()) {
      String value = parameterValue(p, scope);
      params.add(new Parameter(p.name(), null, value, null, p.globalName(), null, null));
      if (p.globalName() != null) {
        GlobalOutputs.parameter(run, p.globalName(), value);
      }
    }
    List<Artifact> artifacts = new ArrayList<>();
    for (Artifact a : declared.artifactsOrEmpty()) {
      Artifact found = artifact(a, scope);
      if (found == null) continue;
      artifacts.add(found);
      if (a.globalName() != null) GlobalOutputs.artifact(run, a.globalName(), found);
    }
    return new Outputs(params, artifacts, null, null);
  }

  private String parameterValue(Parameter p, Scope scope) {
    if (p.value() != null) return Substitution.text(p.value(), scope.values());
    var vf = p.valueFrom();
    if (vf == null) throw new EngineError("outputs.parameters." + p.name() + " has no value");
    String value = null;
    if (vf.parameter() != null) {
      value = Substitution.text(vf.parameter(), scope.values());
      if (value.contains("{{")) value = null;
    } else if (vf.expression() != null) {
      try {
        Object v = ExprLang.evaluate(vf.expression(), Env.expand(scope.values()));
        value = v == null ? null : v instanceof String str ? str : GoJson.marshal(v);
      } catch (ExprException e) {
        value = null;
      }
    }
    if (value == null) value = vf.defaultValue();
    if (value == null) {
      throw new EngineError(
          "Unable to resolve outputs.parameters."
              + p.name()
              + ": "
              + (vf.parameter() != null ? vf.parameter() : vf.expression()));
    }
    return value;
  }

  private static final String ARTIFACT_TOKEN = "\u0000artifact:";

  /** fromExpression picks an artifact: artifacts enter the expression as tokens naming them. */
  private static String chosenByExpression(String expression, Scope scope) {
    Map<String, String> values = new HashMap<>(scope.values());
    scope.artifacts().keySet().forEach(k -> values.put(k, ARTIFACT_TOKEN + k));
    Object v;
    try {
      v = ExprLang.evaluate(expression, Env.expand(values));
    } catch (ExprException e) {
      throw new EngineError("fromExpression '" + expression + "' failed: " + e.getMessage());
    }
    if (v instanceof String s && s.startsWith(ARTIFACT_TOKEN))
      return s.substring(ARTIFACT_TOKEN.length());
    return v == null ? null : v.toString();
  }

  private static Artifact artifact(Artifact a, Scope scope) {
    String ref = a.from();
    if (ref == null && a.fromExpression() != null)
      ref = chosenByExpression(a.fromExpression(), scope);
    if (ref == null) return null;
    ref = ref.trim();
    if (ref.startsWith("{{") && ref.endsWith("}}")) ref = ref.substring(2, ref.length() - 2).trim();
    Artifact found = scope.artifacts().get(ref);
    if (found == null || !InputBinder.hasLocation(found)) {
      if (a.isOptional()) return null;
      throw new EngineError("Unable to resolve outputs from scope: {{" + ref + "}}");
    }
    return a.located(found, found.subPath());
  }
}
