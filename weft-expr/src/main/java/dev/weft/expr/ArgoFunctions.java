package dev.weft.expr;

import java.util.Map;

/**
 * The functions Argo adds to the expression environment (util/expr/env/env.go {@code GetFuncMap}):
 * {@code asInt}, {@code asFloat}, {@code jsonpath}, {@code toJson} and {@code sprig}.
 */
final class ArgoFunctions {
  private static final Map<String, Object> FUNCTIONS =
      Map.of(
          "asInt", (ExprFunction) a -> ExprStrings.toInt(ExprBuiltins.arg(a, 0)),
          "asFloat", (ExprFunction) a -> ExprStrings.toFloat(ExprBuiltins.arg(a, 0)),
          "jsonpath",
              (ExprFunction)
                  a -> JsonPath.query(ExprBuiltins.str(a, 1), GoJson.parse(ExprBuiltins.str(a, 0))),
          "toJson", (ExprFunction) a -> GoJson.marshal(ExprBuiltins.arg(a, 0)),
          "sprig", SprigFunctions.namespace());

  private ArgoFunctions() {}

  /** The Argo function (or the sprig namespace) called {@code name}, or null. */
  static Object lookup(String name) {
    return FUNCTIONS.get(name);
  }

  static boolean has(String name) {
    return FUNCTIONS.containsKey(name);
  }
}
