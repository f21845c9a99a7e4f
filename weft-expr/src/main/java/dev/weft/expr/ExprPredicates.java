package dev.weft.expr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** expr-lang's closure builtins: all, any, none, one, filter, map, count, sum, find... */
final class ExprPredicates {
  private final ExprInterpreter interpreter;

  ExprPredicates(ExprInterpreter interpreter) {
    this.interpreter = interpreter;
  }

  static boolean isPredicate(String name) {
    return ExprOperators.PREDICATES.containsKey(name);
  }

  Object apply(String name, Object collection, ExprNode body, Object extra, int argc) {
    List<?> items = items(name, collection);
    return switch (name) {
      case "all" -> {
        for (int i = 0; i < items.size(); i++) {
          if (!test(body, items, i)) {
            yield false;
          }
        }
        yield true;
      }
      case "any" -> {
        for (int i = 0; i < items.size(); i++) {
          if (test(body, items, i)) {
            yield true;
          }
        }
        yield false;
      }
      case "none" -> {
        for (int i = 0; i < items.size(); i++) {
          if (test(body, items, i)) {
            yield false;
          }
        }
        yield true;
      }
      case "one" -> {
        int n = 0;
        for (int i = 0; i < items.size(); i++) {
          n += test(body, items, i) ? 1 : 0;
        }
        yield n == 1;
      }
      case "filter" -> {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
          if (test(body, items, i)) {
            out.add(items.get(i));
          }
        }
        yield out;
      }
      case "map" -> {
        List<Object> out = new ArrayList<>();
        long size = 0;
        for (int i = 0; i < items.size(); i++) {
          Object v = value(body, items, i);
          // counted as it grows: each value may be within the limit, the list not
          size += 1 + ExprLimits.sizeOf(v);
          ExprLimits.check(size, "map");
          out.add(v);
        }
        yield out;
      }
      case "count" -> {
        long n = 0;
        for (int i = 0; i < items.size(); i++) {
          Object v = body == null ? items.get(i) : value(body, items, i);
          n += ExprInterpreter.truth(v, "count", 0) ? 1 : 0;
        }
        yield n;
      }
      case "sum" -> {
        Object total = 0L;
        for (int i = 0; i < items.size(); i++) {
          Object v = body == null ? items.get(i) : value(body, items, i);
          total = ExprNumbers.arithmetic("+", total, v);
        }
        yield total;
      }
      case "find", "findIndex" -> {
        for (int i = 0; i < items.size(); i++) {
          if (test(body, items, i)) {
            yield name.equals("find") ? items.get(i) : (Object) (long) i;
          }
        }
        yield name.equals("find") ? null : (Object) (-1L);
      }
      case "findLast", "findLastIndex" -> {
        for (int i = items.size() - 1; i >= 0; i--) {
          if (test(body, items, i)) {
            yield name.equals("findLast") ? items.get(i) : (Object) (long) i;
          }
        }
        yield name.equals("findLast") ? null : (Object) (-1L);
      }
      case "groupBy" -> {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
          Object key = value(body, items, i);
          String k = key instanceof String s ? s : GoFormat.format(key);
          @SuppressWarnings("unchecked")
          List<Object> group = (List<Object>) out.computeIfAbsent(k, x -> new ArrayList<>());
          group.add(items.get(i));
        }
        yield out;
      }
      case "sortBy" -> {
        List<Object> keys = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
          keys.add(value(body, items, i));
        }
        yield ExprBuiltins.sortBy(items, keys, extra == null ? "asc" : (String) extra);
      }
      case "reduce" -> {
        if (items.isEmpty() && argc < 3) {
          throw new ExprException("reduce of empty array with no initial value");
        }
        int start = argc < 3 ? 1 : 0;
        Object acc = argc < 3 ? items.get(0) : extra;
        for (int i = start; i < items.size(); i++) {
          acc = interpreter.withElement(body, items.get(i), i, acc);
        }
        yield acc;
      }
      default -> throw new ExprException("unknown builtin " + name);
    };
  }

  private static List<?> items(String name, Object collection) {
    if (collection instanceof List<?> list) {
      return list;
    }
    if (collection instanceof Map<?, ?> map) {
      return new ArrayList<>(map.values());
    }
    throw new ExprException(
        "cannot iterate over " + ExprNumbers.typeName(collection) + " in " + name);
  }

  private Object value(ExprNode body, List<?> items, int i) {
    return interpreter.withElement(body, ExprNumbers.normalize(items.get(i)), i, null);
  }

  private boolean test(ExprNode body, List<?> items, int i) {
    return ExprInterpreter.truth(value(body, items, i), "predicate", 0);
  }
}
