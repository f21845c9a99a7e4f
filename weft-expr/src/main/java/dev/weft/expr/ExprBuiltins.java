package dev.weft.expr;

import static dev.weft.expr.ExprNumbers.isFloat;
import static dev.weft.expr.ExprNumbers.isInt;
import static dev.weft.expr.ExprNumbers.typeName;

import com.google.re2j.Pattern;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** expr-lang's non-closure builtin functions (builtin/builtin.go, builtin/lib.go). */
final class ExprBuiltins {
  static final Set<String> NAMES =
      Set.of(
          "len",
          "type",
          "abs",
          "ceil",
          "floor",
          "round",
          "int",
          "float",
          "string",
          "trim",
          "trimPrefix",
          "trimSuffix",
          "upper",
          "lower",
          "split",
          "splitAfter",
          "replace",
          "repeat",
          "join",
          "indexOf",
          "lastIndexOf",
          "hasPrefix",
          "hasSuffix",
          "max",
          "min",
          "mean",
          "median",
          "toJSON",
          "fromJSON",
          "toBase64",
          "fromBase64",
          "now",
          "duration",
          "date",
          "timezone",
          "first",
          "last",
          "get",
          "take",
          "keys",
          "values",
          "toPairs",
          "fromPairs",
          "reverse",
          "uniq",
          "concat",
          "flatten",
          "sort",
          "bitnot",
          "bitand",
          "bitor",
          "bitxor",
          "bitnand",
          "bitshl",
          "bitshr",
          "bitushr");

  private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

  private ExprBuiltins() {}

  static Pattern regex(String p) {
    Pattern cached = PATTERNS.get(p);
    if (cached != null) return cached;
    Pattern compiled = Regexes.compile(p);
    if (Regexes.small(p)) {
      if (PATTERNS.size() > 1024) PATTERNS.clear(); // a cache, not a store of every pattern seen
      PATTERNS.put(p, compiled);
    }
    return compiled;
  }

  static Object call(String name, List<Object> a) {
    return switch (name) {
      case "len" -> len(arg(a, 0));
      case "type" -> type(arg(a, 0));
      case "abs" -> isInt(arg(a, 0)) ? Math.abs(num(a, 0).longValue()) : Math.abs(dbl(a, 0));
      case "ceil" -> isInt(arg(a, 0)) ? dbl(a, 0) : Math.ceil(dbl(a, 0));
      case "floor" -> isInt(arg(a, 0)) ? dbl(a, 0) : Math.floor(dbl(a, 0));
      case "round" -> isInt(arg(a, 0)) ? dbl(a, 0) : (double) Math.round(dbl(a, 0));
      case "int" -> ExprStrings.toInt(arg(a, 0));
      case "float" -> ExprStrings.toFloat(arg(a, 0));
      case "string" -> GoFormat.format(arg(a, 0));
      case "trim" ->
          a.size() == 1 ? str(a, 0).strip() : ExprStrings.trim(str(a, 0), str(a, 1), true, true);
      case "trimPrefix" -> {
        String p = a.size() > 1 ? str(a, 1) : " ";
        yield str(a, 0).startsWith(p) ? str(a, 0).substring(p.length()) : str(a, 0);
      }
      case "trimSuffix" -> {
        String s = a.size() > 1 ? str(a, 1) : " ";
        String v = str(a, 0);
        yield v.endsWith(s) ? v.substring(0, v.length() - s.length()) : v;
      }
      case "upper" -> str(a, 0).toUpperCase(java.util.Locale.ROOT);
      case "lower" -> str(a, 0).toLowerCase(java.util.Locale.ROOT);
      case "split" ->
          ExprStrings.split(str(a, 0), str(a, 1), a.size() > 2 ? (int) num(a, 2).longValue() : -1);
      case "splitAfter" -> ExprStrings.splitAfter(str(a, 0), str(a, 1));
      case "replace" -> ExprLimits.replace(str(a, 0), str(a, 1), str(a, 2), "replace");
      case "repeat" -> {
        long n = num(a, 1).longValue();
        if (n < 0) {
          throw new ExprException(
              "invalid argument for repeat (expected positive integer, got " + n + ")");
        }
        ExprLimits.check((double) str(a, 0).length() * n, "repeat");
        yield str(a, 0).repeat((int) n);
      }
      case "join" -> {
        List<String> parts = new ArrayList<>();
        for (Object o : list(a, 0)) {
          if (!(o instanceof String s)) {
            throw new ExprException("invalid argument for join (type " + typeName(o) + ")");
          }
          parts.add(s);
        }
        yield ExprLimits.join(a.size() > 1 ? str(a, 1) : "", parts, "join");
      }
      case "indexOf" -> (long) str(a, 0).indexOf(str(a, 1));
      case "lastIndexOf" -> (long) str(a, 0).lastIndexOf(str(a, 1));
      case "hasPrefix" -> str(a, 0).startsWith(str(a, 1));
      case "hasSuffix" -> str(a, 0).endsWith(str(a, 1));
      case "max", "min" -> minMax(name, flattenNumbers(name, a));
      case "mean" -> {
        List<Object> xs = flattenNumbers(name, a);
        yield xs.isEmpty()
            ? 0.0
            : xs.stream().mapToDouble(x -> ((Number) x).doubleValue()).sum() / xs.size();
      }
      case "median" -> {
        double[] xs =
            flattenNumbers(name, a).stream()
                .mapToDouble(x -> ((Number) x).doubleValue())
                .sorted()
                .toArray();
        int n = xs.length;
        yield n == 0 ? 0.0 : n % 2 == 1 ? xs[n / 2] : (xs[n / 2 - 1] + xs[n / 2]) / 2;
      }
      case "toJSON" -> GoJson.marshalIndent(arg(a, 0), "  ");
      case "fromJSON" -> GoJson.parse(str(a, 0));
      case "toBase64" ->
          Base64.getEncoder().encodeToString(str(a, 0).getBytes(StandardCharsets.UTF_8));
      case "fromBase64" ->
          new String(Base64.getDecoder().decode(str(a, 0)), StandardCharsets.UTF_8);
      case "now", "duration", "date", "timezone" -> ExprMethods.time(name, a);
      case "first" ->
          arg(a, 0) instanceof List<?> l ? (l.isEmpty() ? null : l.get(0)) : notArray(name, a);
      case "last" ->
          arg(a, 0) instanceof List<?> l
              ? (l.isEmpty() ? null : l.get(l.size() - 1))
              : notArray(name, a);
      case "get" -> get(arg(a, 0), arg(a, 1));
      case "take" -> {
        List<?> l = list(a, 0);
        yield new ArrayList<>(
            l.subList(0, (int) Math.max(0, Math.min(l.size(), num(a, 1).longValue()))));
      }
      case "keys" -> new ArrayList<Object>(map(a, 0).keySet());
      case "values" -> new ArrayList<Object>(map(a, 0).values());
      case "toPairs" -> {
        List<Object> out = new ArrayList<>();
        map(a, 0).forEach((k, v) -> out.add(List.of(k, v)));
        yield out;
      }
      case "fromPairs" -> {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Object p : list(a, 0)) {
          List<?> pair = (List<?>) p;
          out.put(String.valueOf(pair.get(0)), pair.get(1));
        }
        yield out;
      }
      case "reverse" -> {
        List<Object> out = new ArrayList<>(list(a, 0));
        java.util.Collections.reverse(out);
        yield out;
      }
      case "uniq" -> {
        List<Object> out = new ArrayList<>();
        for (Object o : list(a, 0)) {
          if (out.stream().noneMatch(x -> ExprNumbers.equal(x, o))) {
            out.add(o);
          }
        }
        yield out;
      }
      case "concat" -> {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
          out.addAll(list(a, i));
        }
        yield out;
      }
      case "flatten" -> flatten(list(a, 0), new ArrayList<>());
      case "sort" -> sortBy(list(a, 0), list(a, 0), a.size() > 1 ? str(a, 1) : "asc");
      case "bitnot" -> ~num(a, 0).longValue();
      case "bitand" -> num(a, 0).longValue() & num(a, 1).longValue();
      case "bitor" -> num(a, 0).longValue() | num(a, 1).longValue();
      case "bitxor" -> num(a, 0).longValue() ^ num(a, 1).longValue();
      case "bitnand" -> num(a, 0).longValue() & ~num(a, 1).longValue();
      case "bitshl" -> num(a, 0).longValue() << num(a, 1).longValue();
      case "bitshr" -> num(a, 0).longValue() >> num(a, 1).longValue();
      case "bitushr" -> num(a, 0).longValue() >>> num(a, 1).longValue();
      default -> throw new ExprException("unknown function \"" + name + "\"");
    };
  }

  static Object arg(List<Object> a, int i) {
    if (i >= a.size()) {
      throw new ExprException("not enough arguments (expected at least " + (i + 1) + ")");
    }
    return a.get(i);
  }

  static String str(List<Object> a, int i) {
    Object v = arg(a, i);
    if (v instanceof String s) {
      return s;
    }
    throw new ExprException("cannot use " + typeName(v) + " as argument (type string)");
  }

  static Number num(List<Object> a, int i) {
    Object v = arg(a, i);
    if (v instanceof Number n) {
      return n;
    }
    throw new ExprException("cannot use " + typeName(v) + " as argument (type int)");
  }

  static double dbl(List<Object> a, int i) {
    return num(a, i).doubleValue();
  }

  static List<?> list(List<Object> a, int i) {
    Object v = arg(a, i);
    if (v instanceof List<?> l) {
      return l;
    }
    throw new ExprException("cannot use " + typeName(v) + " as argument (type []interface {})");
  }

  static Map<?, ?> map(List<Object> a, int i) {
    Object v = arg(a, i);
    if (v instanceof Map<?, ?> m) {
      return m;
    }
    throw new ExprException("cannot use " + typeName(v) + " as argument (type map)");
  }

  private static Object notArray(String name, List<Object> a) {
    throw new ExprException("cannot " + name + " from " + typeName(arg(a, 0)));
  }

  static Object len(Object v) {
    return switch (v) {
      case String s -> (long) s.getBytes(StandardCharsets.UTF_8).length;
      case List<?> l -> (long) l.size();
      case Map<?, ?> m -> (long) m.size();
      default -> throw new ExprException("invalid argument for len (type " + typeName(v) + ")");
    };
  }

  private static String type(Object v) {
    return switch (v) {
      case null -> "nil";
      case Boolean b -> "bool";
      case String s -> "string";
      case List<?> l -> "array";
      case Map<?, ?> m -> "map";
      default -> isInt(v) ? "int" : isFloat(v) ? "float" : typeName(v);
    };
  }

  private static List<Object> flattenNumbers(String name, List<Object> args) {
    List<Object> out = new ArrayList<>();
    for (Object o : args) {
      if (o instanceof List<?> l) {
        out.addAll(flattenNumbers(name, new ArrayList<>(l)));
      } else if (o instanceof Number) {
        out.add(ExprNumbers.normalize(o));
      } else {
        throw new ExprException("invalid argument for " + name + " (type " + typeName(o) + ")");
      }
    }
    return out;
  }

  private static Object minMax(String name, List<Object> xs) {
    Object best = null;
    for (Object x : xs) {
      if (best == null) {
        best = x;
      } else {
        int c = ExprNumbers.compare(name, x, best);
        if (name.equals("max") ? c > 0 : c < 0) {
          best = x;
        }
      }
    }
    return best;
  }

  private static Object get(Object from, Object key) {
    if (from instanceof Map<?, ?> m) {
      return m.get(key);
    }
    if (from instanceof List<?> l && key instanceof Number n) {
      long i = n.longValue() < 0 ? l.size() + n.longValue() : n.longValue();
      return i >= 0 && i < l.size() ? l.get((int) i) : null;
    }
    return null;
  }

  private static List<Object> flatten(List<?> in, List<Object> out) {
    for (Object o : in) {
      if (o instanceof List<?> l) {
        flatten(l, out);
      } else {
        out.add(o);
      }
    }
    return out;
  }

  static List<Object> sortBy(List<?> items, List<?> keys, String order) {
    if (!order.equals("asc") && !order.equals("desc")) {
      throw new ExprException("unknown order, use asc or desc");
    }
    List<Integer> idx = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      idx.add(i);
    }
    Comparator<Integer> cmp = (x, y) -> ExprNumbers.compare("sort", keys.get(x), keys.get(y));
    idx.sort(order.equals("asc") ? cmp : cmp.reversed());
    List<Object> out = new ArrayList<>();
    idx.forEach(i -> out.add(items.get(i)));
    return out;
  }
}
