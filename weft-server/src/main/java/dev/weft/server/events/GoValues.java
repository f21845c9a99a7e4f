package dev.weft.server.events;

import dev.weft.expr.GoFormat;
import dev.weft.expr.GoJson;
import java.util.List;
import java.util.Map;

/** How Go prints an expression's result in the messages and values Argo makes of it. */
final class GoValues {
  private GoValues() {}

  /** Go's {@code %T}. */
  static String type(Object v) {
    return switch (v) {
      case null -> "<nil>";
      case String s -> "string";
      case Boolean b -> "bool";
      case Double d -> "float64";
      case Float f -> "float64";
      case Number n -> "int";
      case List<?> l -> "[]interface {}";
      case Map<?, ?> m -> "map[string]interface {}";
      default -> v.getClass().getSimpleName();
    };
  }

  /** Go's {@code %s}: a string as itself, anything else as Go marks a wrong verb. */
  static String asPercentS(Object v) {
    if (v instanceof String s) return s;
    if (v == null) return "%!s(<nil>)";
    return "%!s(" + type(v) + "=" + GoFormat.format(v) + ")";
  }

  /**
   * A parameter value as Argo stores an expression's result: {@code json.Marshal}, then its
   * AnyString conversion, which drops a string's quotes (leaving any escapes inside, as Argo does)
   * and undoes Go's HTML escaping of {@code < > &}.
   */
  static String parameterValue(Object result) {
    String json = GoJson.marshal(result);
    if (json.startsWith("\"")) json = json.substring(1, json.length() - 1);
    return json.replace("\\u003c", "<").replace("\\u003e", ">").replace("\\u0026", "&");
  }
}
