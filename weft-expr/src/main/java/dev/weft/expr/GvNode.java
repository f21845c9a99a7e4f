package dev.weft.expr;

/** govaluate's evaluation stages. */
sealed interface GvNode {
  record Literal(Object value) implements GvNode {}

  /** A variable looked up in the (always empty) parameters. */
  record Param(String name) implements GvNode {}

  /** {@code a.B}: a field access on a parameter. */
  record Accessor(String name) implements GvNode {}

  /** Parentheses; {@code inner} is null for {@code ()}. */
  record Group(GvNode inner) implements GvNode {}

  /**
   * An operator. {@code symbol} is the operator text ({@code "-"} with a null left is negation);
   * {@code level} names the precedence level, which decides the type error message.
   */
  record Op(String symbol, GvNode left, GvNode right, Level level) implements GvNode {}

  enum Level {
    PREFIX("Value '%s' cannot be used with the prefix '%s'"),
    SEPARATOR(""),
    TERNARY("Value '%s' cannot be used with the ternary operator '%s', it is not a bool"),
    LOGICAL("Value '%s' cannot be used with the logical operator '%s', it is not a bool"),
    COMPARATOR("Value '%s' cannot be used with the comparator '%s', it is not a number"),
    MODIFIER("Value '%s' cannot be used with the modifier '%s', it is not a number");

    final String typeError;

    Level(String typeError) {
      this.typeError = typeError;
    }
  }
}
