package dev.weft.expr;

import java.util.List;

/**
 * Argo's {@code when:} evaluation (workflow/controller/steps.go {@code shouldExecute}): the
 * already-substituted string is parsed with govaluate's grammar, every variable token becomes a
 * string (so {@code heads == heads} works unquoted), and the result must be a boolean.
 */
public final class Govaluate {
  private Govaluate() {}

  /** Evaluates a substituted {@code when:} expression; an empty one is true. */
  public static boolean evaluateWhen(String expression) {
    if (expression == null || expression.isEmpty()) {
      return true;
    }
    GvNode node = plan(expression);
    Object result;
    try {
      result = GvEvaluator.eval(node);
    } catch (ExprException e) {
      throw new ExprException(
          "Failed to evaluate 'when' expresion '" + expression + "': " + e.getMessage(),
          e.column(),
          e);
    }
    if (result instanceof Boolean b) {
      return b;
    }
    throw new ExprException(
        "Expected boolean evaluation for '" + expression + "'. Got " + GvEvaluator.show(result));
  }

  /** Parses a {@code when:} expression as {@link #evaluateWhen} does, without evaluating it. */
  public static void checkWhen(String expression) {
    if (expression != null && !expression.isEmpty()) {
      plan(expression);
    }
  }

  private static GvNode plan(String expression) {
    List<GvToken> tokens;
    try {
      tokens = GvLexer.tokenize(expression);
      GvParser.plan(tokens);
    } catch (ExprException e) {
      String hint =
          e.getMessage().contains("Invalid token")
              ? " (hint: try wrapping the affected expression in quotes (\"))"
              : "";
      throw new ExprException(
          "Invalid 'when' expression '" + expression + "': " + e.getMessage() + hint,
          e.column(),
          e);
    }
    List<GvToken> strings =
        tokens.stream()
            .map(t -> t.kind() == GvKind.VARIABLE ? t.withKind(GvKind.STRING) : t)
            .toList();
    try {
      return GvParser.plan(strings);
    } catch (ExprException e) {
      throw new ExprException(
          "Failed to parse 'when' expression '" + expression + "': " + e.getMessage(),
          e.column(),
          e);
    }
  }
}
