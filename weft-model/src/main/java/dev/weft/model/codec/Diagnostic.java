package dev.weft.model.codec;

/** One finding about user input: where, which field, what is wrong and what was expected. */
public record Diagnostic(Severity severity, SourceLocation location, String field, String message) {

  public enum Severity {
    ERROR,
    WARNING
  }

  public static Diagnostic error(SourceLocation at, String field, String message) {
    return new Diagnostic(Severity.ERROR, at, field, message);
  }

  public static Diagnostic warning(SourceLocation at, String field, String message) {
    return new Diagnostic(Severity.WARNING, at, field, message);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  public Diagnostic asError() {
    return new Diagnostic(Severity.ERROR, location, field, message);
  }

  /** {@code file:line:col: error: field: message}, the form compilers use. */
  public String format() {
    String where = location.toString();
    String kind = severity == Severity.ERROR ? "error" : "warning";
    String fieldPart = field == null || field.isEmpty() ? "" : field + ": ";
    return where + ": " + kind + ": " + fieldPart + message;
  }
}
