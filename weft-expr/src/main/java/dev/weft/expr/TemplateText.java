package dev.weft.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Argo's template substitution (util/template: template.go, simple_template.go,
 * expression_template.go) on plain text: {@code {{name}}} is replaced by {@code values.get(name)}
 * (surrounding whitespace ignored), {@code {{=expr}}} by the expr-lang result (strings as is, other
 * values as Go's {@code json.Marshal} writes them).
 */
public final class TemplateText {
  /** Late-bound variables: an expression using one that is not yet known is left for later. */
  private static final Set<String> LATE_BOUND =
      Set.of(
          "item",
          "retries",
          "lastRetry.exitCode",
          "lastRetry.status",
          "lastRetry.duration",
          "lastRetry.message",
          "workflow.status",
          "workflow.failures");

  private TemplateText() {}

  /** A {@code {{...}}} occurrence: the text between the braces and its offset in the source. */
  private record Tag(String body, int start, int end) {}

  /**
   * Replaces every tag in {@code text}. Unresolved tags stay as they are when {@code
   * allowUnresolved}, otherwise they fail with an {@link ExprException}.
   */
  public static String render(String text, Map<String, String> values, boolean allowUnresolved) {
    List<Tag> found = scan(text, true);
    if (found.isEmpty()) {
      return text;
    }
    Map<String, Object> env = null;
    StringBuilder out = new StringBuilder();
    int last = 0;
    for (Tag tag : found) {
      out.append(text, last, tag.start());
      last = tag.end();
      if (tag.body().startsWith("=")) {
        if (env == null) {
          env = Env.expand(values);
        }
        out.append(expression(tag.body().substring(1), env, allowUnresolved));
      } else {
        out.append(simple(tag.body(), values, allowUnresolved));
      }
    }
    return out.append(text, last, text.length()).toString();
  }

  /** The names of the simple tags in {@code text}, trimmed, in order of appearance. */
  public static List<String> tags(String text) {
    List<String> out = new ArrayList<>();
    for (Tag t : scan(text, false)) {
      if (!t.body().startsWith("=")) {
        out.add(t.body().strip());
      }
    }
    return out;
  }

  /** The sources of the {@code {{= }}} expressions in {@code text}, in order of appearance. */
  public static List<String> expressions(String text) {
    List<String> out = new ArrayList<>();
    for (Tag t : scan(text, false)) {
      if (t.body().startsWith("=")) {
        out.add(t.body().substring(1));
      }
    }
    return out;
  }

  /** fasttemplate's scan: each {@code {{} up to the next {@code }}}. */
  private static List<Tag> scan(String text, boolean strict) {
    List<Tag> out = new ArrayList<>();
    int from = 0;
    while (true) {
      int open = text.indexOf("{{", from);
      if (open < 0) {
        return out;
      }
      int close = text.indexOf("}}", open + 2);
      if (close < 0) {
        if (!strict) {
          return out;
        }
        throw new ExprException(
            "Cannot find end tag=\"}}\" in the template starting from \""
                + text.substring(open + 2)
                + "\"");
      }
      out.add(new Tag(text.substring(open + 2, close), open, close + 2));
      from = close + 2;
    }
  }

  private static String simple(String tag, Map<String, String> values, boolean allowUnresolved) {
    String key = tag.strip();
    if (!values.containsKey(key)) {
      int nested = tag.lastIndexOf("{{");
      if (nested > 0) {
        String inner = tag.substring(nested + 2);
        if (values.containsKey(inner)) {
          String v = values.get(inner);
          if (v == null) {
            throw new ExprException(
                "unable to substitute nested tag {{"
                    + tag
                    + "}}: \""
                    + inner
                    + "\" is an absent optional");
          }
          return "{{" + tag.substring(0, nested) + v;
        }
      }
      if (!allowUnresolved) {
        throw new ExprException("failed to resolve {{" + tag + "}}");
      }
      return "{{" + tag + "}}";
    }
    String v = values.get(key);
    if (v == null) {
      throw new ExprException(
          "unable to substitute {{"
              + tag
              + "}}: output is an absent optional (skipped/omitted node with no default)");
    }
    return v;
  }

  private static String expression(String source, Map<String, Object> env, boolean allow) {
    String original = "{{=" + source + "}}";
    List<String> missing = new ArrayList<>();
    try {
      for (String id : ExprLang.identifiers(source)) {
        if (!Env.has(env, id)) {
          missing.add(id);
        }
      }
    } catch (ExprException e) {
      throw new ExprException("failed to evaluate expression: " + e.getMessage(), e.column(), e);
    }
    if (!allow && !missing.isEmpty()) {
      throw new ExprException("failed to evaluate expression: " + missing.get(0) + " is missing");
    }
    boolean lenient = allow || !missing.isEmpty() || Env.hasPlaceholder(env);
    if (lenient && missing.stream().anyMatch(LATE_BOUND::contains)) {
      return original;
    }
    Object result;
    try {
      result = ExprLang.evaluate(source, env);
    } catch (ExprException e) {
      if (lenient && !ExprLimits.exceeded(e)) {
        return original;
      }
      throw new ExprException("failed to evaluate expression: " + e.getMessage(), e.column(), e);
    }
    if (result == null) {
      if (lenient) {
        return original;
      }
      throw new ExprException("failed to evaluate expression \"" + source + "\"");
    }
    return result instanceof String s ? s : GoJson.marshal(result);
  }
}
