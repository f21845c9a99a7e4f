package dev.weft.engine.dag;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Argo's {@code depends} language: task names with an optional result ({@code a.Succeeded}),
 * combined with {@code && || !} and parentheses. A bare name means Succeeded, Skipped or Daemoned.
 */
public sealed interface Depends {

  /** The outcomes a dependency can be tested for, as Argo names them. */
  enum Result {
    Succeeded,
    Failed,
    Errored,
    Skipped,
    Omitted,
    Daemoned,
    AnySucceeded,
    AllFailed
  }

  record Task(String name, Result result, int column) implements Depends {}

  record Not(Depends operand) implements Depends {}

  record And(Depends left, Depends right) implements Depends {}

  record Or(Depends left, Depends right) implements Depends {}

  /** Answers whether a dependency reached a result; the engine implements it over node phases. */
  interface Outcomes {
    /** Null when the task has not finished, so the expression cannot yet be decided. */
    Boolean is(String task, Result result);

    /** A bare task name: Succeeded, Skipped or Daemoned (the engine adds continueOn phases). */
    default Boolean bare(String task) {
      Boolean s = is(task, Result.Succeeded);
      if (s == null) return null;
      return s
          || Boolean.TRUE.equals(is(task, Result.Skipped))
          || Boolean.TRUE.equals(is(task, Result.Daemoned));
    }
  }

  /** True or false once decidable; null while a task it needs is still running. */
  default Boolean evaluate(Outcomes outcomes) {
    return switch (this) {
      case Task t ->
          t.result() == null ? outcomes.bare(t.name()) : outcomes.is(t.name(), t.result());
      case Not n -> {
        Boolean v = n.operand().evaluate(outcomes);
        yield v == null ? null : !v;
      }
      case And a -> {
        Boolean l = a.left().evaluate(outcomes);
        if (Boolean.FALSE.equals(l)) yield false;
        Boolean r = a.right().evaluate(outcomes);
        if (Boolean.FALSE.equals(r)) yield false;
        yield l == null || r == null ? null : true;
      }
      case Or o -> {
        Boolean l = o.left().evaluate(outcomes);
        if (Boolean.TRUE.equals(l)) yield true;
        Boolean r = o.right().evaluate(outcomes);
        if (Boolean.TRUE.equals(r)) yield true;
        yield l == null || r == null ? null : false;
      }
    };
  }

  /** Every task named, in order of first appearance. */
  default Set<String> tasks() {
    Set<String> out = new LinkedHashSet<>();
    collect(this, out);
    return out;
  }

  private static void collect(Depends d, Set<String> out) {
    switch (d) {
      case Task t -> out.add(t.name());
      case Not n -> collect(n.operand(), out);
      case And a -> {
        collect(a.left(), out);
        collect(a.right(), out);
      }
      case Or o -> {
        collect(o.left(), out);
        collect(o.right(), out);
      }
    }
  }

  /** The `dependencies:` list form: every task must have Succeeded, been Skipped or Daemoned. */
  static Depends allOf(List<String> names) {
    Depends out = null;
    for (String n : names) {
      Depends t = new Task(n, null, 0);
      out = out == null ? t : new And(out, t);
    }
    return out;
  }

  static Depends parse(String source) {
    return new Parser(source).parseAll();
  }

  /** A syntax error in a depends expression; {@code column} is 1-based. */
  final class SyntaxError extends RuntimeException {
    private final int column;

    public SyntaxError(String message, int column) {
      super(message + " at column " + column);
      this.column = column;
    }

    public int column() {
      return column;
    }
  }

  /**
   * Recursive descent: or := and ('||' and)*; and := unary ('&&' unary)*; unary := '!' unary |
   * atom.
   */
  final class Parser {
    private final String src;
    private int pos;

    Parser(String src) {
      this.src = src;
    }

    Depends parseAll() {
      skipSpace();
      if (pos >= src.length()) throw new SyntaxError("empty depends expression", 1);
      Depends d = or();
      skipSpace();
      if (pos < src.length())
        throw new SyntaxError("unexpected \"" + src.charAt(pos) + "\"", pos + 1);
      return d;
    }

    private Depends or() {
      Depends left = and();
      while (consume("||")) left = new Or(left, and());
      return left;
    }

    private Depends and() {
      Depends left = unary();
      while (consume("&&")) left = new And(left, unary());
      return left;
    }

    private Depends unary() {
      skipSpace();
      if (consume("!")) return new Not(unary());
      if (consume("(")) {
        Depends inner = or();
        if (!consume(")")) throw new SyntaxError("expected \")\"", pos + 1);
        return inner;
      }
      return task();
    }

    private Depends task() {
      skipSpace();
      int start = pos;
      while (pos < src.length() && isNameChar(src.charAt(pos))) pos++;
      if (start == pos) {
        String what = pos < src.length() ? "\"" + src.charAt(pos) + "\"" : "end of expression";
        throw new SyntaxError("expected a task name, found " + what, pos + 1);
      }
      String word = src.substring(start, pos);
      int dot = word.lastIndexOf('.');
      if (dot < 0) return new Task(word, null, start + 1);
      String suffix = word.substring(dot + 1);
      for (Result r : Result.values()) {
        if (r.name().equals(suffix)) return new Task(word.substring(0, dot), r, start + 1);
      }
      List<String> allowed = new ArrayList<>();
      for (Result r : Result.values()) allowed.add(r.name());
      throw new SyntaxError(
          "unknown task result \""
              + suffix
              + "\" (expected one of "
              + String.join(", ", allowed)
              + ")",
          start + dot + 2);
    }

    private static boolean isNameChar(char c) {
      return Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.';
    }

    private boolean consume(String token) {
      skipSpace();
      if (src.startsWith(token, pos)) {
        pos += token.length();
        return true;
      }
      return false;
    }

    private void skipSpace() {
      while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) pos++;
    }
  }
}
