package dev.weft.controller.cron;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.expr.ExprException;
import dev.weft.expr.ExprLang;
import dev.weft.expr.GoJson;
import dev.weft.expr.Govaluate;
import dev.weft.model.ObjectMeta;
import dev.weft.model.codec.Codec;
import java.util.HashMap;
import java.util.Map;

/**
 * The CronWorkflow's two expressions, with Argo's {@code cronworkflow.*} variables (name,
 * namespace, labels, annotations, labels.json, annotations.json, succeeded, failed,
 * lastScheduledTime): {@code when}, a template whose substituted text govaluate must find true, and
 * {@code stopStrategy.expression}, an expr-lang boolean.
 */
final class CronExpressions {
  private CronExpressions() {}

  /**
   * Argo's evalWhen: {@code {{= expr }}} tags are evaluated with expr-lang, {@code
   * {{cronworkflow.name}}} and {@code {{cronworkflow.namespace}}} substituted, then the text is
   * evaluated as a govaluate boolean. Absent or empty is true.
   *
   * @throws ExprException when the expression cannot be evaluated or is not a boolean
   */
  static boolean when(String when, ObjectMeta meta, CronStatus status) {
    if (when == null || when.isEmpty()) {
      return true;
    }
    Map<String, Object> env = Map.of("cronworkflow", variables(meta, status));
    StringBuilder out = new StringBuilder();
    int from = 0;
    while (true) {
      int open = when.indexOf("{{", from);
      if (open < 0) {
        break;
      }
      int close = when.indexOf("}}", open + 2);
      if (close < 0) {
        throw new ExprException("Cannot find end tag=\"}}\" in the template " + when);
      }
      out.append(when, from, open);
      out.append(substitute(when.substring(open + 2, close), env, meta));
      from = close + 2;
    }
    out.append(when.substring(from));
    return Govaluate.evaluateWhen(out.toString());
  }

  /**
   * Argo's checkStopingCondition: whether {@code stopStrategy.expression} holds.
   *
   * @throws ExprException when it cannot be evaluated or is not a boolean
   */
  static boolean stop(JsonNode stopStrategy, ObjectMeta meta, CronStatus status) {
    String expression = stopStrategy == null ? "" : stopStrategy.path("expression").asText("");
    if (expression.isEmpty()) {
      return false;
    }
    Object result = ExprLang.evaluate(expression, Map.of("cronworkflow", variables(meta, status)));
    if (result instanceof Boolean b) {
      return b;
    }
    throw new ExprException("unable to cast expression result '" + result + "' to bool");
  }

  private static String substitute(String tag, Map<String, Object> env, ObjectMeta meta) {
    if (tag.startsWith("=")) {
      Object v = ExprLang.evaluate(tag.substring(1), env);
      if (v == null) {
        throw new ExprException("failed to evaluate expression \"" + tag.substring(1) + "\"");
      }
      return v instanceof String s ? s : GoJson.marshal(v);
    }
    return switch (tag.strip()) {
      case "cronworkflow.name" -> meta.name();
      case "cronworkflow.namespace" -> meta.namespaceOrDefault();
      default -> throw new ExprException("failed to resolve {{" + tag + "}}");
    };
  }

  private static Map<String, Object> variables(ObjectMeta meta, CronStatus status) {
    Map<String, Object> v = new HashMap<>();
    v.put("name", meta.name());
    v.put("namespace", meta.namespaceOrDefault());
    v.put("labels", new HashMap<String, Object>(meta.labelsOrEmpty()));
    v.put("annotations", new HashMap<String, Object>(meta.annotationsOrEmpty()));
    v.put("labels.json", Codec.toJson(meta.labelsOrEmpty()));
    v.put("annotations.json", Codec.toJson(meta.annotationsOrEmpty()));
    v.put("succeeded", status.succeeded());
    v.put("failed", status.failed());
    v.put("lastScheduledTime", status.lastScheduledTime().orElse(null));
    return v;
  }
}
