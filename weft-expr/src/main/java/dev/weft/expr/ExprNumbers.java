package dev.weft.expr;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/** Number literals and the numeric/typing rules of expr-lang's runtime (vm/runtime). */
final class ExprNumbers {
  private ExprNumbers() {}

  static Object parseLiteral(String text, int col) {
    String v = text.replace("_", "");
    String lower = v.toLowerCase(java.util.Locale.ROOT);
    try {
      if (lower.startsWith("0x")) {
        return new BigInteger(v.substring(2), 16).longValueExact();
      }
      if (lower.startsWith("0b")) {
        return new BigInteger(v.substring(2), 2).longValueExact();
      }
      if (lower.startsWith("0o")) {
        return new BigInteger(v.substring(2), 8).longValueExact();
      }
      if (lower.contains(".") || lower.contains("e")) {
        return Double.parseDouble(v);
      }
      return Long.parseLong(v);
    } catch (NumberFormatException | ArithmeticException e) {
      throw new ExprException("invalid number literal: " + text, col);
    }
  }

  static boolean isInt(Object v) {
    return v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte;
  }

  static boolean isFloat(Object v) {
    return v instanceof Double || v instanceof Float || v instanceof java.math.BigDecimal;
  }

  static boolean isNumber(Object v) {
    return v instanceof Number;
  }

  /** Normalizes Java numbers to Long (integers) or Double (floats). */
  static Object normalize(Object v) {
    if (isInt(v)) {
      return ((Number) v).longValue();
    }
    if (v instanceof java.time.OffsetDateTime t) {
      return t.toInstant();
    }
    if (v instanceof java.time.ZonedDateTime t) {
      return t.toInstant();
    }
    if (v instanceof Number n && !(v instanceof Long) && !(v instanceof Double)) {
      return n instanceof BigInteger b ? b.longValue() : n.doubleValue();
    }
    return v;
  }

  static long toLong(Object v) {
    if (v instanceof Number n) {
      return n.longValue();
    }
    throw new ExprException("cannot use " + typeName(v) + " as argument (type int)");
  }

  static double toDouble(Object v) {
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    throw new ExprException("cannot use " + typeName(v) + " as argument (type float64)");
  }

  /** Go-style type name for error messages. */
  static String typeName(Object v) {
    return switch (v) {
      case null -> "<nil>";
      case String s -> "string";
      case Boolean b -> "bool";
      case Double d -> "float64";
      case Number n -> isFloat(n) ? "float64" : "int";
      case List<?> l -> "[]interface {}";
      case Map<?, ?> m -> "map[string]interface {}";
      case java.time.Duration d -> "time.Duration";
      case java.time.temporal.Temporal t -> "time.Time";
      default -> v.getClass().getSimpleName();
    };
  }

  /** expr's {@code ==}: numbers compare by value across int/float, otherwise deep equality. */
  static boolean equal(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      if (isInt(x) && isInt(y)) {
        return x.longValue() == y.longValue();
      }
      return x.doubleValue() == y.doubleValue();
    }
    if (a == null || b == null) {
      return a == b;
    }
    if (a instanceof List<?> x && b instanceof List<?> y) {
      if (x.size() != y.size()) {
        return false;
      }
      for (int i = 0; i < x.size(); i++) {
        if (!equal(x.get(i), y.get(i))) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
      if (x.size() != y.size()) {
        return false;
      }
      for (Map.Entry<?, ?> e : x.entrySet()) {
        if (!y.containsKey(e.getKey()) || !equal(e.getValue(), y.get(e.getKey()))) {
          return false;
        }
      }
      return true;
    }
    return a.equals(b);
  }

  /** expr's ordering for {@code < > <= >=}: numbers, strings, times, durations. */
  static int compare(String op, Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      if (isInt(x) && isInt(y)) {
        return Long.compare(x.longValue(), y.longValue());
      }
      return Double.compare(x.doubleValue(), y.doubleValue());
    }
    if (a instanceof String x && b instanceof String y) {
      return x.compareTo(y);
    }
    if (a instanceof java.time.Instant x && b instanceof java.time.Instant y) {
      return x.compareTo(y);
    }
    if (a instanceof java.time.Duration x && b instanceof java.time.Duration y) {
      return x.compareTo(y);
    }
    throw mismatched(op, a, b);
  }

  static ExprException mismatched(String op, Object a, Object b) {
    return new ExprException(
        "invalid operation: "
            + op
            + " (mismatched types "
            + typeName(a)
            + " and "
            + typeName(b)
            + ")");
  }

  static Object arithmetic(String op, Object a, Object b) {
    if (op.equals("+")) {
      if (a instanceof String x && b instanceof String y) {
        return x + y;
      }
      if (a instanceof java.time.Instant t && b instanceof java.time.Duration d) {
        return t.plus(d);
      }
      if (a instanceof java.time.Duration d && b instanceof java.time.Instant t) {
        return t.plus(d);
      }
      if (a instanceof java.time.Duration x && b instanceof java.time.Duration y) {
        return x.plus(y);
      }
    }
    if (op.equals("-")) {
      if (a instanceof java.time.Instant x && b instanceof java.time.Instant y) {
        return java.time.Duration.between(y, x);
      }
      if (a instanceof java.time.Instant t && b instanceof java.time.Duration d) {
        return t.minus(d);
      }
      if (a instanceof java.time.Duration x && b instanceof java.time.Duration y) {
        return x.minus(y);
      }
    }
    if (!(a instanceof Number x) || !(b instanceof Number y)) {
      throw mismatched(op, a, b);
    }
    boolean ints = isInt(x) && isInt(y);
    return switch (op) {
      case "+" ->
          ints ? (Object) (x.longValue() + y.longValue()) : x.doubleValue() + y.doubleValue();
      case "-" ->
          ints ? (Object) (x.longValue() - y.longValue()) : x.doubleValue() - y.doubleValue();
      case "*" ->
          ints ? (Object) (x.longValue() * y.longValue()) : x.doubleValue() * y.doubleValue();
      case "/" -> x.doubleValue() / y.doubleValue();
      case "%" -> {
        if (!ints) {
          throw mismatched(op, a, b);
        }
        if (y.longValue() == 0) {
          throw new ExprException("integer divide by zero");
        }
        yield x.longValue() % y.longValue();
      }
      case "**", "^" -> Math.pow(x.doubleValue(), y.doubleValue());
      default -> throw new ExprException("unknown operator " + op);
    };
  }
}
