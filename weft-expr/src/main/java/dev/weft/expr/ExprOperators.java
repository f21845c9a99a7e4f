package dev.weft.expr;

import java.util.Map;
import java.util.Set;

/** expr-lang's operator precedences and closure builtins (parser/operator, parser.go). */
final class ExprOperators {
  private ExprOperators() {}

  record Op(int precedence, boolean right) {}

  static final Map<String, Op> BINARY =
      Map.ofEntries(
          Map.entry("|", new Op(0, false)),
          Map.entry("or", new Op(10, false)),
          Map.entry("||", new Op(10, false)),
          Map.entry("and", new Op(15, false)),
          Map.entry("&&", new Op(15, false)),
          Map.entry("==", new Op(20, false)),
          Map.entry("!=", new Op(20, false)),
          Map.entry("<", new Op(20, false)),
          Map.entry(">", new Op(20, false)),
          Map.entry(">=", new Op(20, false)),
          Map.entry("<=", new Op(20, false)),
          Map.entry("in", new Op(20, false)),
          Map.entry("matches", new Op(20, false)),
          Map.entry("contains", new Op(20, false)),
          Map.entry("startsWith", new Op(20, false)),
          Map.entry("endsWith", new Op(20, false)),
          Map.entry("..", new Op(25, false)),
          Map.entry("+", new Op(30, false)),
          Map.entry("-", new Op(30, false)),
          Map.entry("*", new Op(60, false)),
          Map.entry("/", new Op(60, false)),
          Map.entry("%", new Op(60, false)),
          Map.entry("**", new Op(100, true)),
          Map.entry("^", new Op(100, true)),
          Map.entry("??", new Op(500, false)));
  static final Map<String, Integer> UNARY = Map.of("not", 50, "!", 50, "-", 90, "+", 90);
  static final Set<String> COMPARISONS = Set.of("<", ">", ">=", "<=");

  /** Builtins whose second argument is a closure; the value says whether a closure is optional. */
  static final Map<String, Boolean> PREDICATES =
      Map.ofEntries(
          Map.entry("all", false),
          Map.entry("none", false),
          Map.entry("any", false),
          Map.entry("one", false),
          Map.entry("filter", false),
          Map.entry("map", false),
          Map.entry("count", true),
          Map.entry("sum", true),
          Map.entry("find", false),
          Map.entry("findIndex", false),
          Map.entry("findLast", false),
          Map.entry("findLastIndex", false),
          Map.entry("groupBy", false),
          Map.entry("sortBy", false),
          Map.entry("reduce", false));
}
