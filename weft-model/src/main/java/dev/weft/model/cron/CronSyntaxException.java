package dev.weft.model.cron;

/** A schedule that does not parse; {@link #column()} is 1-based in the schedule text. */
public final class CronSyntaxException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final int column;
  private final String reason;

  public CronSyntaxException(String reason, int column) {
    super("column " + column + ": " + reason);
    this.reason = reason;
    this.column = column;
  }

  /** The 1-based column of the offending text. */
  public int column() {
    return column;
  }

  /** The message without the column. */
  public String reason() {
    return reason;
  }
}
