package dev.weft.expr;

import static dev.weft.expr.SprigValues.list;
import static dev.weft.expr.SprigValues.strval;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Sprig's list and dict functions. */
final class SprigCollections {
  private SprigCollections() {}

  static void register(Map<String, ExprFunction> f) {
    f.put("list", a -> new ArrayList<>(a));
    f.put("dict", SprigCollections::dict);
    f.put(
        "get",
        a -> {
          Object v = dictArg(a, 0).get(ExprBuiltins.str(a, 1));
          return v == null && !dictArg(a, 0).containsKey(ExprBuiltins.str(a, 1)) ? "" : v;
        });
    f.put("hasKey", a -> dictArg(a, 0).containsKey(ExprBuiltins.str(a, 1)));
    f.put(
        "set",
        a -> {
          @SuppressWarnings("unchecked")
          Map<String, Object> m = new LinkedHashMap<>((Map<String, Object>) dictArg(a, 0));
          m.put(ExprBuiltins.str(a, 1), ExprBuiltins.arg(a, 2));
          return m;
        });
    f.put(
        "unset",
        a -> {
          Map<String, Object> m = copy(dictArg(a, 0));
          m.remove(ExprBuiltins.str(a, 1));
          return m;
        });
    f.put(
        "keys",
        a -> {
          List<Object> out = new ArrayList<>();
          a.forEach(d -> out.addAll(((Map<?, ?>) d).keySet()));
          return out;
        });
    f.put("values", a -> new ArrayList<Object>(dictArg(a, 0).values()));
    f.put(
        "pick",
        a -> {
          Map<String, Object> out = new LinkedHashMap<>();
          Map<?, ?> d = dictArg(a, 0);
          a.stream()
              .skip(1)
              .map(String::valueOf)
              .filter(d::containsKey)
              .forEach(k -> out.put(k, d.get(k)));
          return out;
        });
    f.put(
        "omit",
        a -> {
          Map<String, Object> out = copy(dictArg(a, 0));
          a.stream().skip(1).map(String::valueOf).forEach(out::remove);
          return out;
        });
    f.put(
        "merge",
        a -> {
          Map<String, Object> out = copy(dictArg(a, 0));
          a.stream()
              .skip(1)
              .forEach(
                  d -> ((Map<?, ?>) d).forEach((k, v) -> out.putIfAbsent(String.valueOf(k), v)));
          return out;
        });
    f.put(
        "first",
        a -> {
          List<?> l = list(ExprBuiltins.arg(a, 0), "first");
          return l.isEmpty() ? null : l.get(0);
        });
    f.put(
        "last",
        a -> {
          List<?> l = list(ExprBuiltins.arg(a, 0), "last");
          return l.isEmpty() ? null : l.get(l.size() - 1);
        });
    f.put(
        "rest",
        a -> {
          List<?> l = list(ExprBuiltins.arg(a, 0), "rest");
          return l.isEmpty() ? null : new ArrayList<Object>(l.subList(1, l.size()));
        });
    f.put(
        "initial",
        a -> {
          List<?> l = list(ExprBuiltins.arg(a, 0), "initial");
          return l.isEmpty() ? null : new ArrayList<Object>(l.subList(0, l.size() - 1));
        });
    ExprFunction append =
        a -> {
          List<Object> out = new ArrayList<>(list(ExprBuiltins.arg(a, 0), "append"));
          out.add(ExprBuiltins.arg(a, 1));
          return out;
        };
    f.put("append", append);
    f.put("push", append);
    f.put(
        "prepend",
        a -> {
          List<Object> out = new ArrayList<>();
          out.add(ExprBuiltins.arg(a, 1));
          out.addAll(list(ExprBuiltins.arg(a, 0), "prepend"));
          return out;
        });
    f.put(
        "uniq",
        a -> {
          List<Object> out = new ArrayList<>();
          for (Object o : list(ExprBuiltins.arg(a, 0), "uniq")) {
            if (out.stream().noneMatch(x -> ExprNumbers.equal(x, o))) {
              out.add(o);
            }
          }
          return out;
        });
    f.put(
        "sortAlpha",
        a -> {
          List<String> out = SprigValues.strslice(ExprBuiltins.arg(a, 0));
          Collections.sort(out);
          return new ArrayList<Object>(out);
        });
    f.put(
        "reverse",
        a -> {
          List<Object> out = new ArrayList<>(list(ExprBuiltins.arg(a, 0), "reverse"));
          Collections.reverse(out);
          return out;
        });
    f.put(
        "compact",
        a -> {
          List<Object> out = new ArrayList<>();
          list(ExprBuiltins.arg(a, 0), "compact").stream()
              .filter(x -> !SprigValues.empty(x))
              .forEach(out::add);
          return out;
        });
    f.put(
        "has",
        a ->
            list(ExprBuiltins.arg(a, 1), "has").stream()
                .anyMatch(x -> ExprNumbers.equal(x, a.get(0))));
    f.put(
        "without",
        a -> {
          List<Object> out = new ArrayList<>();
          for (Object o : list(ExprBuiltins.arg(a, 0), "without")) {
            if (a.stream().skip(1).noneMatch(x -> ExprNumbers.equal(x, o))) {
              out.add(o);
            }
          }
          return out;
        });
    f.put(
        "concat",
        a -> {
          List<Object> out = new ArrayList<>();
          a.forEach(l -> out.addAll(list(l, "concat")));
          return out;
        });
    f.put(
        "slice",
        a -> {
          List<?> l = list(ExprBuiltins.arg(a, 0), "slice");
          int from = a.size() > 1 ? (int) SprigValues.toInt64(a.get(1)) : 0;
          int to = a.size() > 2 ? (int) SprigValues.toInt64(a.get(2)) : l.size();
          return new ArrayList<Object>(l.subList(from, to));
        });
  }

  private static Object dict(List<Object> a) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (int i = 0; i < a.size(); i += 2) {
      out.put(strval(a.get(i)), i + 1 < a.size() ? a.get(i + 1) : "");
    }
    return out;
  }

  private static Map<?, ?> dictArg(List<Object> a, int i) {
    Object v = ExprBuiltins.arg(a, i);
    if (v instanceof Map<?, ?> m) {
      return m;
    }
    throw new ExprException("cannot use " + ExprNumbers.typeName(v) + " as argument (type map)");
  }

  private static Map<String, Object> copy(Map<?, ?> m) {
    Map<String, Object> out = new LinkedHashMap<>();
    m.forEach((k, v) -> out.put(String.valueOf(k), v));
    return out;
  }
}
