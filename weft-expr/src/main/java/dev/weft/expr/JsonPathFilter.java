package dev.weft.expr;

import java.util.List;
import java.util.Objects;

/** Evaluates a JSONPath filter such as {@code @.age > 42 && @.name == 'Mo'} for one candidate. */
final class JsonPathFilter {
  private static final Object MISSING = new Object();

  private final String src;
  private final Object current;
  private final Object root;
  private int pos;

  private JsonPathFilter(String src, Object current, Object root) {
    this.src = src;
    this.current = current;
    this.root = root;
  }

  static boolean test(String filter, Object current, Object root) {
    JsonPathFilter f = new JsonPathFilter(filter, current, root);
    boolean result = f.or();
    f.skipSpace();
    if (f.pos < f.src.length()) {
      throw new ExprException("invalid JSONPath filter \"" + filter + "\"");
    }
    return result;
  }

  private void skipSpace() {
    while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) {
      pos++;
    }
  }

  private boolean accept(String s) {
    skipSpace();
    if (src.startsWith(s, pos)) {
      pos += s.length();
      return true;
    }
    return false;
  }

  private boolean or() {
    boolean v = and();
    while (accept("||")) {
      v = and() || v;
    }
    return v;
  }

  private boolean and() {
    boolean v = unary();
    while (accept("&&")) {
      v = unary() && v;
    }
    return v;
  }

  private boolean unary() {
    if (accept("!") && !src.startsWith("=", pos)) {
      return !unary();
    }
    if (accept("(")) {
      boolean v = or();
      if (!accept(")")) {
        throw new ExprException("invalid JSONPath filter \"" + src + "\": missing )");
      }
      return v;
    }
    Object left = operand();
    skipSpace();
    for (String op : new String[] {"==", "!=", "<=", ">=", "=~", "<", ">"}) {
      if (accept(op)) {
        return compare(op, left, operand());
      }
    }
    return left != MISSING && left != null && !Boolean.FALSE.equals(left);
  }

  private Object operand() {
    skipSpace();
    if (pos >= src.length()) {
      throw new ExprException("invalid JSONPath filter \"" + src + "\"");
    }
    char c = src.charAt(pos);
    if (c == '@' || c == '$') {
      int start = pos;
      int depth = 0;
      while (pos < src.length()) {
        char d = src.charAt(pos);
        if (d == '[') {
          depth++;
        } else if (d == ']') {
          depth--;
        } else if (depth == 0 && " =!<>&|)".indexOf(d) >= 0) {
          break;
        }
        pos++;
      }
      List<Object> found = JsonPath.resolve(src.substring(start, pos), current, root);
      return found.size() == 1 ? found.get(0) : found.isEmpty() ? MISSING : found;
    }
    if (c == '\'' || c == '"' || c == '/') {
      int end = src.indexOf(c, pos + 1);
      if (end < 0) {
        throw new ExprException("invalid JSONPath filter \"" + src + "\": unterminated string");
      }
      String s = src.substring(pos + 1, end);
      pos = end + 1;
      return s;
    }
    int start = pos;
    while (pos < src.length() && " =!<>&|)".indexOf(src.charAt(pos)) < 0) {
      pos++;
    }
    String word = src.substring(start, pos);
    return switch (word) {
      case "true" -> true;
      case "false" -> false;
      case "null" -> null;
      default -> {
        try {
          yield Double.parseDouble(word);
        } catch (NumberFormatException e) {
          throw new ExprException("invalid JSONPath filter \"" + src + "\": " + word);
        }
      }
    };
  }

  private static boolean compare(String op, Object l, Object r) {
    if (l == MISSING || r == MISSING) {
      return op.equals("!=");
    }
    if (op.equals("=~")) {
      return l instanceof String s
          && r instanceof String p
          && ExprBuiltins.regex(p).matcher(s).find();
    }
    int c;
    if (l instanceof Number x && r instanceof Number y) {
      c = Double.compare(x.doubleValue(), y.doubleValue());
    } else if (l instanceof String x && r instanceof String y) {
      c = x.compareTo(y);
    } else {
      boolean eq = Objects.equals(l, r);
      return switch (op) {
        case "==" -> eq;
        case "!=" -> !eq;
        default -> false;
      };
    }
    return switch (op) {
      case "==" -> c == 0;
      case "!=" -> c != 0;
      case "<" -> c < 0;
      case "<=" -> c <= 0;
      case ">" -> c > 0;
      default -> c >= 0;
    };
  }
}
