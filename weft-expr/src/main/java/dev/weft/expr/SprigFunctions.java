package dev.weft.expr;

import static dev.weft.expr.SprigValues.empty;
import static dev.weft.expr.SprigValues.intArg;
import static dev.weft.expr.SprigValues.str;
import static dev.weft.expr.SprigValues.strslice;
import static dev.weft.expr.SprigValues.strval;
import static dev.weft.expr.SprigValues.toFloat64;
import static dev.weft.expr.SprigValues.toInt64;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The {@code sprig} namespace Argo puts in the expression environment (Masterminds/sprig v3). */
final class SprigFunctions {
  private static final Map<String, ExprFunction> FUNCTIONS = new HashMap<>();

  static {
    strings();
    numbers();
    SprigCollections.register(FUNCTIONS);
    SprigRegex.register(FUNCTIONS);
  }

  private SprigFunctions() {}

  /** An unmodifiable view: the value of {@code sprig} in the environment. */
  static Map<String, Object> namespace() {
    return java.util.Collections.unmodifiableMap(FUNCTIONS);
  }

  static boolean has(String name) {
    return FUNCTIONS.containsKey(name);
  }

  private static void def(String name, ExprFunction f) {
    FUNCTIONS.put(name, f);
  }

  private static void strings() {
    def("trim", a -> str(a, 0).strip());
    def("trimAll", a -> ExprStrings.trim(str(a, 1), str(a, 0), true, true));
    def(
        "trimPrefix",
        a -> str(a, 1).startsWith(str(a, 0)) ? str(a, 1).substring(str(a, 0).length()) : str(a, 1));
    def(
        "trimSuffix",
        a ->
            str(a, 1).endsWith(str(a, 0))
                ? str(a, 1).substring(0, str(a, 1).length() - str(a, 0).length())
                : str(a, 1));
    def("upper", a -> str(a, 0).toUpperCase(java.util.Locale.ROOT));
    def("lower", a -> str(a, 0).toLowerCase(java.util.Locale.ROOT));
    def("title", a -> title(str(a, 0)));
    def("replace", a -> ExprLimits.replace(str(a, 2), str(a, 0), str(a, 1), "replace"));
    def("contains", a -> str(a, 1).contains(str(a, 0)));
    def("hasPrefix", a -> str(a, 1).startsWith(str(a, 0)));
    def("hasSuffix", a -> str(a, 1).endsWith(str(a, 0)));
    def(
        "repeat",
        a -> {
          int n = Math.max(0, intArg(a, 0));
          ExprLimits.check((double) str(a, 1).length() * n, "repeat");
          return str(a, 1).repeat(n);
        });
    def("substr", a -> substr(intArg(a, 0), intArg(a, 1), str(a, 2)));
    def("trunc", a -> trunc(intArg(a, 0), str(a, 1)));
    def("nospace", a -> str(a, 0).replaceAll("\\s", ""));
    def(
        "split",
        a -> {
          Map<String, Object> out = new java.util.LinkedHashMap<>();
          List<Object> parts = ExprStrings.split(str(a, 1), str(a, 0), -1);
          for (int i = 0; i < parts.size(); i++) {
            out.put("_" + i, parts.get(i));
          }
          return out;
        });
    def("splitList", a -> ExprStrings.split(str(a, 1), str(a, 0), -1));
    def("join", a -> ExprLimits.join(str(a, 0), strslice(ExprBuiltins.arg(a, 1)), "join"));
    def(
        "cat",
        a -> {
          List<String> parts = new ArrayList<>();
          a.stream().filter(x -> x != null).forEach(x -> parts.add(strval(x)));
          return String.join(" ", parts);
        });
    def("quote", a -> quoteAll(a, true));
    def("squote", a -> quoteAll(a, false));
    def("indent", a -> indent(intArg(a, 0), str(a, 1)));
    def("nindent", a -> "\n" + indent(intArg(a, 0), str(a, 1)));
    def(
        "b64enc",
        a -> Base64.getEncoder().encodeToString(str(a, 0).getBytes(StandardCharsets.UTF_8)));
    def(
        "b64dec",
        a -> {
          try {
            return new String(Base64.getDecoder().decode(str(a, 0)), StandardCharsets.UTF_8);
          } catch (IllegalArgumentException e) {
            return "illegal base64 data";
          }
        });
    def("toString", a -> strval(ExprBuiltins.arg(a, 0)));
    def("toJson", a -> GoJson.marshal(ExprBuiltins.arg(a, 0)));
    def("toPrettyJson", a -> GoJson.marshalIndent(ExprBuiltins.arg(a, 0), "  "));
    def(
        "fromJson",
        a -> {
          try {
            return GoJson.parse(str(a, 0));
          } catch (ExprException e) {
            return null;
          }
        });
    def("sha256sum", a -> digest("SHA-256", str(a, 0)));
    def("sha1sum", a -> digest("SHA-1", str(a, 0)));
    def("uuidv4", a -> java.util.UUID.randomUUID().toString());
    def("date", a -> GoTime.format(dateArg(ExprBuiltins.arg(a, 1)), str(a, 0)));
    def("now", a -> java.time.Instant.now());
    def("toDate", a -> GoTime.parse(str(a, 1)));
    def(
        "unixEpoch",
        a -> Long.toString(((java.time.Instant) ExprBuiltins.arg(a, 0)).getEpochSecond()));
  }

  private static void numbers() {
    def(
        "atoi",
        a -> {
          try {
            return Long.parseLong(str(a, 0));
          } catch (NumberFormatException e) {
            return 0L;
          }
        });
    def("int", a -> toInt64(ExprBuiltins.arg(a, 0)));
    def("int64", a -> toInt64(ExprBuiltins.arg(a, 0)));
    def("float64", a -> toFloat64(ExprBuiltins.arg(a, 0)));
    def("add", a -> a.stream().mapToLong(SprigValues::toInt64).sum());
    def("add1", a -> toInt64(ExprBuiltins.arg(a, 0)) + 1);
    def("sub", a -> toInt64(ExprBuiltins.arg(a, 0)) - toInt64(ExprBuiltins.arg(a, 1)));
    def("mul", a -> a.stream().mapToLong(SprigValues::toInt64).reduce(1, (x, y) -> x * y));
    def(
        "div",
        a -> {
          long d = toInt64(ExprBuiltins.arg(a, 1));
          if (d == 0) {
            throw new ExprException("runtime error: integer divide by zero");
          }
          return toInt64(ExprBuiltins.arg(a, 0)) / d;
        });
    def(
        "mod",
        a -> {
          long d = toInt64(ExprBuiltins.arg(a, 1));
          if (d == 0) {
            throw new ExprException("runtime error: integer divide by zero");
          }
          return toInt64(ExprBuiltins.arg(a, 0)) % d;
        });
    def("max", a -> a.stream().mapToLong(SprigValues::toInt64).max().orElse(0));
    def("min", a -> a.stream().mapToLong(SprigValues::toInt64).min().orElse(0));
    def("addf", a -> a.stream().mapToDouble(SprigValues::toFloat64).sum());
    def(
        "subf",
        a ->
            toFloat64(ExprBuiltins.arg(a, 0))
                - a.stream().skip(1).mapToDouble(SprigValues::toFloat64).sum());
    def("mulf", a -> a.stream().mapToDouble(SprigValues::toFloat64).reduce(1, (x, y) -> x * y));
    def(
        "divf",
        a ->
            a.stream()
                .skip(1)
                .mapToDouble(SprigValues::toFloat64)
                .reduce(toFloat64(ExprBuiltins.arg(a, 0)), (x, y) -> x / y));
    def("maxf", a -> a.stream().mapToDouble(SprigValues::toFloat64).max().orElse(0));
    def("minf", a -> a.stream().mapToDouble(SprigValues::toFloat64).min().orElse(0));
    def("floor", a -> Math.floor(toFloat64(ExprBuiltins.arg(a, 0))));
    def("ceil", a -> Math.ceil(toFloat64(ExprBuiltins.arg(a, 0))));
    def(
        "round",
        a -> {
          double v = toFloat64(ExprBuiltins.arg(a, 0));
          double pow = Math.pow(10, toInt64(ExprBuiltins.arg(a, 1)));
          double roundOn = a.size() > 2 ? toFloat64(a.get(2)) : 0.5;
          double digit = v * pow;
          double rounded =
              (digit - Math.floor(digit)) >= roundOn ? Math.ceil(digit) : Math.floor(digit);
          return rounded / pow;
        });
    def("seq", a -> seq(a));
    def("until", a -> range(0, toInt64(ExprBuiltins.arg(a, 0)), 1));
    def("untilStep", a -> range(toInt64(a.get(0)), toInt64(a.get(1)), toInt64(a.get(2))));
    def("default", a -> a.size() < 2 || empty(a.get(1)) ? a.get(0) : a.get(1));
    def("empty", a -> empty(ExprBuiltins.arg(a, 0)));
    def("coalesce", a -> a.stream().filter(x -> !empty(x)).findFirst().orElse(null));
    def("ternary", a -> Boolean.TRUE.equals(ExprBuiltins.arg(a, 2)) ? a.get(0) : a.get(1));
  }

  private static java.time.Instant dateArg(Object v) {
    if (v instanceof java.time.Instant i) {
      return i;
    }
    if (v instanceof Number n) {
      return java.time.Instant.ofEpochSecond(n.longValue());
    }
    return java.time.Instant.now(); // sprig formats "now" for values it cannot read as a time
  }

  private static String title(String s) {
    StringBuilder sb = new StringBuilder();
    boolean start = true;
    for (char c : s.toCharArray()) {
      sb.append(start ? Character.toTitleCase(c) : c);
      start = !Character.isLetterOrDigit(c) && c != '_' && c != '\'';
    }
    return sb.toString();
  }

  private static String substr(int start, int end, String s) {
    if (start < 0) {
      return s.substring(0, Math.min(end, s.length()));
    }
    if (end < 0 || end > s.length()) {
      return start > s.length() ? "" : s.substring(start);
    }
    return start > end ? "" : s.substring(start, end);
  }

  private static String trunc(int c, String s) {
    if (c < 0 && s.length() + c > 0) {
      return s.substring(s.length() + c);
    }
    if (c >= 0 && s.length() > c) {
      return s.substring(0, c);
    }
    return s;
  }

  private static String quoteAll(List<Object> a, boolean dbl) {
    List<String> out = new ArrayList<>();
    for (Object o : a) {
      if (o != null) {
        out.add(
            dbl
                ? GoJson.marshal(strval(o))
                    .replace("\\u003c", "<")
                    .replace("\\u003e", ">")
                    .replace("\\u0026", "&")
                : "'" + strval(o) + "'");
      }
    }
    return String.join(" ", out);
  }

  private static String indent(int spaces, String v) {
    long lines = v.chars().filter(c -> c == '\n').count() + 1;
    ExprLimits.check((double) Math.max(0, spaces) * lines + v.length(), "indent");
    String pad = " ".repeat(Math.max(0, spaces));
    return pad + v.replace("\n", "\n" + pad);
  }

  /** Go's Regexp.Expand: $1, ${1}, $name, ${name}, $$; unknown groups expand to "". */
  private static String digest(String algorithm, String s) {
    try {
      byte[] d =
          java.security.MessageDigest.getInstance(algorithm)
              .digest(s.getBytes(StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(d);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String seq(List<Object> a) {
    long start = 1;
    long end;
    long step = 1;
    if (a.size() == 1) {
      end = toInt64(a.get(0));
      step = end < start ? -1 : 1;
    } else if (a.size() == 2) {
      start = toInt64(a.get(0));
      end = toInt64(a.get(1));
      step = start <= end ? 1 : -1;
    } else if (a.size() == 3) {
      start = toInt64(a.get(0));
      step = toInt64(a.get(1));
      end = toInt64(a.get(2));
    } else {
      return "";
    }
    if (step != 0) ExprLimits.check(((double) end - start) / step + 1, "seq");
    List<String> out = new ArrayList<>();
    for (long i = start; step > 0 ? i <= end : step < 0 && i >= end; i += step) {
      out.add(Long.toString(i));
    }
    return String.join(" ", out);
  }

  private static List<Object> range(long start, long stop, long step) {
    if (step != 0) ExprLimits.check(((double) stop - start) / step, "until");
    List<Object> out = new ArrayList<>();
    for (long i = start; step > 0 ? i < stop : step < 0 && i > stop; i += step) {
      out.add(i);
    }
    return out;
  }
}
