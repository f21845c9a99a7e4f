package dev.weft.expr;

/** One lexical token of an expr-lang expression; {@code column} is 1-based. */
record ExprToken(Kind kind, String value, int column) {
  enum Kind {
    IDENTIFIER,
    NUMBER,
    STRING,
    OPERATOR,
    BRACKET,
    EOF
  }

  boolean is(Kind k) {
    return kind == k;
  }

  boolean is(Kind k, String v) {
    return kind == k && value.equals(v);
  }

  String describe() {
    return kind == Kind.EOF ? "end of expression" : "\"" + value + "\"";
  }
}
