package dev.weft.lint;

import dev.weft.expr.ExprException;
import dev.weft.expr.ExprLang;
import dev.weft.expr.Govaluate;
import java.util.function.Consumer;

/**
 * Syntax checks of the expression languages: govaluate in {@code when}, expr-lang in {@code {{= }}}
 * tags and in hook and retry expressions. Simple tags in a condition are replaced by a placeholder
 * word first, as Argo substitutes them before it parses.
 */
final class Expressions {
  private static final String PLACEHOLDER = "x";

  private Expressions() {}

  /** A text with its tags replaced; {@code origin[i]} is where character i came from. */
  private record Substituted(String text, int[] origin) {
    static Substituted of(String source) {
      StringBuilder text = new StringBuilder();
      int[] origin = new int[source.length() + PLACEHOLDER.length() + 1];
      int from = 0;
      for (Tag tag : Tag.scan(source)) {
        for (int i = from; i < tag.start(); i++) {
          origin[text.length()] = i;
          text.append(source.charAt(i));
        }
        for (int i = 0; i < PLACEHOLDER.length(); i++) {
          origin[text.length()] = tag.start();
          text.append(PLACEHOLDER.charAt(i));
        }
        from = tag.end();
      }
      for (int i = from; i < source.length(); i++) {
        origin[text.length()] = i;
        text.append(source.charAt(i));
      }
      origin[text.length()] = source.length();
      return new Substituted(text.toString(), origin);
    }

    /** The offset in the source of a 1-based column of the substituted text. */
    int offset(int column) {
      return origin[Math.min(Math.max(column, 1), text.length() + 1) - 1];
    }
  }

  static void checkWhen(Reporter report, String pointer, String when) {
    check(report, pointer, when, Govaluate::checkWhen, "invalid when: ");
  }

  /** An expr-lang expression written without braces (a hook's or a retry's expression). */
  static void checkExpression(Reporter report, String pointer, String expression) {
    check(report, pointer, expression, ExprLang::check, "invalid expression: ");
  }

  private static void check(
      Reporter report, String pointer, String source, Consumer<String> parser, String prefix) {
    Substituted s = Substituted.of(source);
    try {
      parser.accept(s.text());
    } catch (ExprException e) {
      // the parser saw placeholders for the tags; quote the expression as the user wrote it
      String message = e.getMessage().replace("'" + s.text() + "'", "'" + source + "'");
      report.errorInValue(pointer, s.offset(e.column()), prefix + message);
    }
  }

  /** Parses every {@code {{= expr}}} tag of a string. */
  static void checkExpressionTags(Reporter report, String pointer, String text) {
    for (Tag tag : Tag.scan(text)) {
      if (!tag.isExpression()) continue;
      try {
        ExprLang.check(tag.expression());
      } catch (ExprException e) {
        int offset = e.column() > 0 ? tag.expressionStart() + e.column() - 1 : tag.start();
        report.errorInValue(pointer, offset, "invalid expression: " + e.getMessage());
      }
    }
  }
}
