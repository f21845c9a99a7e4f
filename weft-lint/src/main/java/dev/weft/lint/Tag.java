package dev.weft.lint;

import java.util.ArrayList;
import java.util.List;

/**
 * One {@code {{...}}} tag in a string: {@code start} is the offset of its braces, {@code body} the
 * text between them, {@code bodyStart} the offset of that text.
 */
record Tag(int start, int end, String body, int bodyStart) {

  /** {@code {{= expr}}}: an expr-lang expression rather than a variable name. */
  boolean isExpression() {
    return body.startsWith("=");
  }

  /** The variable name of a simple tag, without surrounding blanks. */
  String name() {
    return body.strip();
  }

  /** The expression source of an expression tag (after the {@code =}). */
  String expression() {
    return body.substring(1);
  }

  /** The offset in the whole string of the expression's first character. */
  int expressionStart() {
    return bodyStart + 1;
  }

  /** The offset in the whole string of the variable name's first character. */
  int nameStart() {
    int lead = 0;
    while (lead < body.length() && Character.isWhitespace(body.charAt(lead))) lead++;
    return bodyStart + lead;
  }

  /** Every tag in the text, left to right; an unclosed {@code {{} ends the scan. */
  static List<Tag> scan(String text) {
    List<Tag> tags = new ArrayList<>();
    int from = 0;
    while (true) {
      int open = text.indexOf("{{", from);
      if (open < 0) return tags;
      int close = text.indexOf("}}", open + 2);
      if (close < 0) return tags;
      tags.add(new Tag(open, close + 2, text.substring(open + 2, close), open + 2));
      from = close + 2;
    }
  }

  static boolean hasTags(String text) {
    return text != null && text.contains("{{");
  }
}
