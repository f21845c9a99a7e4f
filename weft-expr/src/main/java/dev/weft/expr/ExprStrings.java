package dev.weft.expr;

import static dev.weft.expr.ExprNumbers.typeName;

import java.util.ArrayList;
import java.util.List;

/** expr-lang's conversions and Go string helpers (strings.Trim, strings.SplitN, ...). */
final class ExprStrings {
  private ExprStrings() {}

  /** expr's {@code int()} (also Argo's {@code asInt}). */
  static long toInt(Object v) {
    if (v instanceof Number n) {
      return n.longValue();
    }
    if (v instanceof String s) {
      try {
        return Long.parseLong(s.startsWith("+") ? s.substring(1) : s);
      } catch (NumberFormatException e) {
        throw new ExprException("invalid operation: int(" + s + ")");
      }
    }
    throw new ExprException("invalid operation: int(" + typeName(v) + ")");
  }

  /** expr's {@code float()} (also Argo's {@code asFloat}). */
  static double toFloat(Object v) {
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    if (v instanceof String s) {
      try {
        if (s.matches(
            "[+-]?(\\d[\\d_]*\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?|[+-]?(?i:inf|infinity|nan)")) {
          String t = s.toLowerCase(java.util.Locale.ROOT);
          if (t.contains("inf")) {
            return t.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
          }
          return t.contains("nan") ? Double.NaN : Double.parseDouble(s);
        }
      } catch (NumberFormatException e) {
        // fall through to the error below
      }
      throw new ExprException("invalid operation: float(" + s + ")");
    }
    throw new ExprException("invalid operation: float(" + typeName(v) + ")");
  }

  static String trim(String s, String cutset, boolean left, boolean right) {
    int start = 0;
    int end = s.length();
    while (left && start < end && cutset.indexOf(s.charAt(start)) >= 0) {
      start++;
    }
    while (right && end > start && cutset.indexOf(s.charAt(end - 1)) >= 0) {
      end--;
    }
    return s.substring(start, end);
  }

  /** Go's {@code strings.SplitN} ({@code n < 0} means all). */
  static List<Object> split(String s, String sep, int n) {
    List<Object> out = new ArrayList<>();
    if (n == 0) {
      return out;
    }
    if (sep.isEmpty()) {
      s.codePoints().forEach(cp -> out.add(new String(Character.toChars(cp))));
      return out;
    }
    int from = 0;
    while (n < 0 || out.size() < n - 1) {
      int i = s.indexOf(sep, from);
      if (i < 0) {
        break;
      }
      out.add(s.substring(from, i));
      from = i + sep.length();
    }
    out.add(s.substring(from));
    return out;
  }

  static List<Object> splitAfter(String s, String sep) {
    List<Object> out = new ArrayList<>();
    int from = 0;
    int i;
    while (!sep.isEmpty() && (i = s.indexOf(sep, from)) >= 0) {
      out.add(s.substring(from, i + sep.length()));
      from = i + sep.length();
    }
    out.add(s.substring(from));
    return out;
  }
}
