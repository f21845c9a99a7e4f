package dev.weft.expr;

/** A problem parsing or evaluating an expression or template; {@link #column()} locates it. */
public class ExprException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int column;

  public ExprException(String message) {
    this(message, 0);
  }

  public ExprException(String message, int column) {
    super(message);
    this.column = column;
  }

  public ExprException(String message, int column, Throwable cause) {
    super(message, cause);
    this.column = column;
  }

  /** The 1-based column in the expression source where the problem is, 0 if unknown. */
  public int column() {
    return column;
  }
}
