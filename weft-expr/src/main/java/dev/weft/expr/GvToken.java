package dev.weft.expr;

/** One govaluate token; {@code column} is 1-based. */
record GvToken(GvKind kind, Object value, int column) {
  GvToken withKind(GvKind k) {
    return new GvToken(k, value, column);
  }

  /** The token's value as Go's {@code %v} prints it in govaluate's messages. */
  String show() {
    return switch (value) {
      case Character c -> String.valueOf((int) c.charValue());
      case String[] parts -> "[" + String.join(" ", parts) + "]";
      case com.google.re2j.Pattern p -> p.pattern();
      default -> GoFormat.format(value);
    };
  }
}
