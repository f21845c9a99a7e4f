package dev.weft.expr;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Sprig's loose conversions (spf13/cast, sprig's strval/strslice/empty). */
final class SprigValues {
  private SprigValues() {}

  /** cast.ToInt64: numbers truncate, strings parse (base prefixes allowed), otherwise 0. */
  static long toInt64(Object v) {
    return switch (v) {
      case Number n -> n.longValue();
      case Boolean b -> b ? 1 : 0;
      case String s -> {
        String t = s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
        try {
          yield parseGoInt(t);
        } catch (NumberFormatException | ArithmeticException e) {
          yield 0;
        }
      }
      case null, default -> 0;
    };
  }

  private static long parseGoInt(String s) {
    String t = s.replace("_", "");
    boolean neg = t.startsWith("-");
    if (neg || t.startsWith("+")) {
      t = t.substring(1);
    }
    String lower = t.toLowerCase(java.util.Locale.ROOT);
    BigInteger v;
    if (lower.startsWith("0x")) {
      v = new BigInteger(t.substring(2), 16);
    } else if (lower.startsWith("0b")) {
      v = new BigInteger(t.substring(2), 2);
    } else if (lower.startsWith("0o")) {
      v = new BigInteger(t.substring(2), 8);
    } else if (t.length() > 1 && t.startsWith("0")) {
      v = new BigInteger(t.substring(1), 8);
    } else {
      v = new BigInteger(t);
    }
    return (neg ? v.negate() : v).longValueExact();
  }

  /** cast.ToFloat64: numbers convert, strings parse, otherwise 0. */
  static double toFloat64(Object v) {
    return switch (v) {
      case Number n -> n.doubleValue();
      case Boolean b -> b ? 1 : 0;
      case String s -> {
        try {
          yield Double.parseDouble(s);
        } catch (NumberFormatException e) {
          yield 0;
        }
      }
      case null, default -> 0;
    };
  }

  /** sprig's strval: strings as is, everything else via Go's %v. */
  static String strval(Object v) {
    return v instanceof String s ? s : GoFormat.format(v);
  }

  /** sprig's strslice. */
  static List<String> strslice(Object v) {
    List<String> out = new ArrayList<>();
    if (v instanceof List<?> l) {
      for (Object o : l) {
        if (o != null) {
          out.add(strval(o));
        }
      }
    } else if (v != null) {
      out.add(strval(v));
    }
    return out;
  }

  /** sprig's empty: nil, zero numbers, false, empty strings/lists/maps. */
  static boolean empty(Object v) {
    return switch (v) {
      case null -> true;
      case String s -> s.isEmpty();
      case Boolean b -> !b;
      case Number n -> n.doubleValue() == 0;
      case List<?> l -> l.isEmpty();
      case Map<?, ?> m -> m.isEmpty();
      default -> false;
    };
  }

  static List<?> list(Object v, String fn) {
    if (v instanceof List<?> l) {
      return l;
    }
    throw new ExprException("Cannot find " + fn + " on type " + ExprNumbers.typeName(v));
  }

  static String str(List<Object> a, int i) {
    return ExprBuiltins.str(a, i);
  }

  static int intArg(List<Object> a, int i) {
    return (int) toInt64(ExprBuiltins.arg(a, i));
  }
}
