package dev.weft.expr;

import java.util.List;
import java.util.Map;

/**
 * expr-lang/expr (v1.17, as Argo uses it for {@code {{= ... }}} tags) with Argo's additions: {@code
 * asInt}, {@code asFloat}, {@code jsonpath}, {@code toJson} and the {@code sprig} namespace. Values
 * are Java: String, Long/Double (any Number), Boolean, List, Map, null.
 */
public final class ExprLang {
  private ExprLang() {}

  /** Parses and evaluates {@code source} against {@code env}. */
  public static Object evaluate(String source, Map<String, Object> env) {
    ExprNode node = parse(source);
    return new ExprInterpreter(env == null ? Map.of() : env).eval(node);
  }

  /** Parses {@code source} and checks that every function it calls exists. */
  public static void check(String source) {
    parse(source);
  }

  /** The variables and member paths {@code source} refers to (Argo's getIdentifiers). */
  public static List<String> identifiers(String source) {
    return ExprWalker.identifiers(parse(source));
  }

  private static ExprNode parse(String source) {
    ExprNode node = ExprParser.parse(source);
    ExprWalker.checkFunctions(node);
    return node;
  }
}
