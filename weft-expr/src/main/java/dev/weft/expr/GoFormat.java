package dev.weft.expr;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Formats values the way Go's {@code fmt.Sprintf("%v", v)} does. */
public final class GoFormat {
  private GoFormat() {}

  /** Go's {@code %v}: ints plain, floats shortest with Go's exponent rules, lists, maps. */
  public static String format(Object v) {
    StringBuilder sb = new StringBuilder();
    append(sb, v);
    return sb.toString();
  }

  private static void append(StringBuilder sb, Object v) {
    switch (v) {
      case null -> sb.append("<nil>");
      case String s -> sb.append(s);
      case Double d -> sb.append(formatFloat(d));
      case Float f -> sb.append(formatFloat(f.doubleValue()));
      case Number n -> sb.append(n.longValue());
      case java.time.Duration d -> sb.append(GoTime.formatDuration(d));
      case List<?> list -> {
        sb.append('[');
        for (int i = 0; i < list.size(); i++) {
          if (i > 0) {
            sb.append(' ');
          }
          append(sb, list.get(i));
        }
        sb.append(']');
      }
      case Map<?, ?> map -> {
        sb.append("map[");
        boolean first = true;
        for (Map.Entry<?, ?> e : new TreeMap<>(map).entrySet()) {
          if (!first) {
            sb.append(' ');
          }
          first = false;
          append(sb, e.getKey());
          sb.append(':');
          append(sb, e.getValue());
        }
        sb.append(']');
      }
      default -> sb.append(v);
    }
  }

  /** Go's {@code strconv.FormatFloat(d, 'g', -1, 64)}, which {@code %v} uses. */
  public static String formatFloat(double d) {
    if (Double.isNaN(d)) {
      return "NaN";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "+Inf" : "-Inf";
    }
    if (d == 0) {
      return (1 / d < 0) ? "-0" : "0";
    }
    BigDecimal bd = new BigDecimal(Double.toString(d)).stripTrailingZeros();
    int exp = bd.precision() - bd.scale() - 1;
    if (exp < -4 || exp >= 6) {
      return exponent(bd, exp, 2);
    }
    return bd.toPlainString();
  }

  /** Go's {@code 'e'} shortest formatting, with at least {@code minExpDigits} exponent digits. */
  static String exponent(BigDecimal bd, int exp, int minExpDigits) {
    String digits = bd.unscaledValue().abs().toString();
    StringBuilder sb = new StringBuilder();
    if (bd.signum() < 0) {
      sb.append('-');
    }
    sb.append(digits.charAt(0));
    if (digits.length() > 1) {
      sb.append('.').append(digits, 1, digits.length());
    }
    sb.append('e').append(exp < 0 ? '-' : '+');
    String e = Integer.toString(Math.abs(exp));
    for (int i = e.length(); i < minExpDigits; i++) {
      sb.append('0');
    }
    return sb.append(e).toString();
  }
}
