package dev.weft.lint;

import dev.weft.model.codec.SourceLocation;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The text of the files linted, so a finding inside a string value (a tag, a column in an
 * expression) can point at the exact character when the value is written on one line.
 */
final class SourceText {
  private final Map<String, List<String>> linesByFile = new HashMap<>();

  void add(String file, String text) {
    linesByFile.put(file, text.lines().toList());
  }

  /**
   * Where character {@code offset} of a string value stands. {@code at} is where the pointer was
   * written: the key for a field, the value itself for a list item. Falls back to {@code at} when
   * the value is not on that line or is a block scalar.
   */
  SourceLocation inValue(SourceLocation at, boolean isField, int offset) {
    List<String> lines = linesByFile.get(at.file());
    if (lines == null || at.line() < 1 || at.line() > lines.size()) return at;
    String line = lines.get(at.line() - 1);
    int pos = at.column() - 1;
    if (pos < 0 || pos >= line.length()) return at;
    if (isField) {
      pos = valueStart(line, pos);
      if (pos < 0) return at;
    }
    char first = line.charAt(pos);
    if (first == '|' || first == '>') return at;
    int start = first == '"' || first == '\'' ? pos + 1 : pos;
    if (start + offset > line.length()) return at;
    return new SourceLocation(at.file(), at.line(), start + offset + 1);
  }

  /** The index of the value after {@code key:} starting at {@code keyPos}, or -1. */
  private static int valueStart(String line, int keyPos) {
    int pos = keyPos;
    char q = line.charAt(pos);
    if (q == '"' || q == '\'') {
      int close = line.indexOf(q, pos + 1);
      if (close < 0) return -1;
      pos = close + 1;
    }
    int colon = line.indexOf(':', pos);
    if (colon < 0) return -1;
    pos = colon + 1;
    while (pos < line.length() && line.charAt(pos) == ' ') pos++;
    return pos < line.length() ? pos : -1;
  }
}
