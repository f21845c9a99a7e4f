package dev.weft.expr;

import java.util.List;

/** The syntax tree of an expr-lang expression; {@code col} is the 1-based source column. */
sealed interface ExprNode {
  int col();

  /** nil, true/false, integer (Long), float (Double) or string. */
  record Literal(Object value, int col) implements ExprNode {}

  record Ident(String name, int col) implements ExprNode {}

  /** {@code #} (the closure element) or {@code #name} (e.g. {@code #index}, {@code #acc}). */
  record Pointer(String name, int col) implements ExprNode {}

  record Unary(String op, ExprNode node, int col) implements ExprNode {}

  record Binary(String op, ExprNode left, ExprNode right, int col) implements ExprNode {}

  record Member(ExprNode node, ExprNode property, boolean optional, int col) implements ExprNode {}

  /** Wraps an optional-chaining expression: a nil receiver makes the whole chain nil. */
  record Chain(ExprNode node, int col) implements ExprNode {}

  record Slice(ExprNode node, ExprNode from, ExprNode to, int col) implements ExprNode {}

  /** A call of an environment function ({@code jsonpath(...)}) or a method ({@code a.b(...)}). */
  record Call(ExprNode callee, List<ExprNode> args, int col) implements ExprNode {}

  record Builtin(String name, List<ExprNode> args, int col) implements ExprNode {}

  record Predicate(ExprNode body, int col) implements ExprNode {}

  record Conditional(ExprNode cond, ExprNode then, ExprNode otherwise, int col)
      implements ExprNode {}

  record ArrayLit(List<ExprNode> items, int col) implements ExprNode {}

  record MapLit(List<Pair> pairs, int col) implements ExprNode {}

  record Pair(ExprNode key, ExprNode value) {}

  record Let(String name, ExprNode value, ExprNode body, int col) implements ExprNode {}

  record Sequence(List<ExprNode> nodes, int col) implements ExprNode {}
}
