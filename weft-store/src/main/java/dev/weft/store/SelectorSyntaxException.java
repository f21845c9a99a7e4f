package dev.weft.store;

/** A label selector that does not parse; {@link #column()} is 1-based. */
public final class SelectorSyntaxException extends IllegalArgumentException {
  private final String selector;
  private final int column;
  private final String reason;

  public SelectorSyntaxException(String selector, int column, String reason) {
    super("invalid label selector \"" + selector + "\" at column " + column + ": " + reason);
    this.selector = selector;
    this.column = column;
    this.reason = reason;
  }

  public String selector() {
    return selector;
  }

  public int column() {
    return column;
  }

  public String reason() {
    return reason;
  }
}
