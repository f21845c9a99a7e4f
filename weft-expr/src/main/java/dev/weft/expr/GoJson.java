package dev.weft.expr;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** JSON the way Go's {@code encoding/json} writes and reads it (sorted keys, HTML escaping). */
public final class GoJson {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private GoJson() {}

  /** Go's {@code json.Marshal(v)}. */
  public static String marshal(Object v) {
    StringBuilder sb = new StringBuilder();
    write(sb, v, null, "");
    return sb.toString();
  }

  /** Go's {@code json.MarshalIndent(v, "", indent)}. */
  public static String marshalIndent(Object v, String indent) {
    StringBuilder sb = new StringBuilder();
    write(sb, v, indent, "");
    return sb.toString();
  }

  /**
   * Go's {@code json.Unmarshal} into {@code any}: numbers become Double, objects Map, arrays List.
   */
  public static Object parse(String json) {
    try {
      Object v = MAPPER.readValue(json, Object.class);
      return normalize(v);
    } catch (JsonProcessingException e) {
      throw new ExprException("invalid JSON: " + e.getOriginalMessage());
    }
  }

  private static Object normalize(Object v) {
    return switch (v) {
      case Number n -> n.doubleValue();
      case List<?> list -> list.stream().map(GoJson::normalize).toList();
      case Map<?, ?> map -> {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        map.forEach((k, val) -> out.put(String.valueOf(k), normalize(val)));
        yield out;
      }
      case null -> null;
      default -> v;
    };
  }

  private static void write(StringBuilder sb, Object v, String indent, String prefix) {
    switch (v) {
      case null -> sb.append("null");
      case String s -> quote(sb, s);
      case Boolean b -> sb.append(b);
      case Double d -> sb.append(formatFloat(d));
      case Float f -> sb.append(formatFloat(f.doubleValue()));
      case BigDecimal d -> sb.append(formatFloat(d.doubleValue()));
      case Number n -> sb.append(n.longValue());
      case java.time.Instant i -> quote(sb, i.toString());
      case java.time.Duration d -> sb.append(d.toNanos());
      case List<?> list -> {
        if (list.isEmpty()) {
          sb.append("[]");
          return;
        }
        sb.append('[');
        String inner = indent == null ? null : prefix + indent;
        for (int i = 0; i < list.size(); i++) {
          if (i > 0) {
            sb.append(',');
          }
          newline(sb, inner);
          write(sb, list.get(i), indent, inner);
        }
        newline(sb, indent == null ? null : prefix);
        sb.append(']');
      }
      case Map<?, ?> map -> {
        if (map.isEmpty()) {
          sb.append("{}");
          return;
        }
        sb.append('{');
        String inner = indent == null ? null : prefix + indent;
        boolean first = true;
        for (Map.Entry<String, Object> e : sorted(map).entrySet()) {
          if (!first) {
            sb.append(',');
          }
          first = false;
          newline(sb, inner);
          quote(sb, e.getKey());
          sb.append(indent == null ? ":" : ": ");
          write(sb, e.getValue(), indent, inner);
        }
        newline(sb, indent == null ? null : prefix);
        sb.append('}');
      }
      default -> quote(sb, v.toString());
    }
  }

  private static Map<String, Object> sorted(Map<?, ?> map) {
    Map<String, Object> out = new TreeMap<>();
    map.forEach((k, val) -> out.put(String.valueOf(k), val));
    return out;
  }

  private static void newline(StringBuilder sb, String prefix) {
    if (prefix != null) {
      sb.append('\n').append(prefix);
    }
  }

  /** Go's float encoder: plain decimals, exponent form outside [1e-6, 1e21). */
  public static String formatFloat(double d) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      throw new ExprException("json: unsupported value: " + GoFormat.formatFloat(d));
    }
    if (d == 0) {
      return (1 / d < 0) ? "-0" : "0";
    }
    BigDecimal bd = new BigDecimal(Double.toString(d)).stripTrailingZeros();
    double abs = Math.abs(d);
    if (abs < 1e-6 || abs >= 1e21) {
      int exp = bd.precision() - bd.scale() - 1;
      return GoFormat.exponent(bd, exp, exp < 0 ? 1 : 2);
    }
    return bd.toPlainString();
  }

  private static void quote(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        case '<', '>', '&', '\u2028', '\u2029' -> sb.append(String.format("\\u%04x", (int) c));
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }
}
