package dev.weft.model.codec;

/** Where something stands in a file the user wrote; line and column are 1-based. */
public record SourceLocation(String file, int line, int column) {
  public static SourceLocation unknown(String file) {
    return new SourceLocation(file, 0, 0);
  }

  @Override
  public String toString() {
    return line > 0 ? file + ":" + line + ":" + column : file;
  }
}
