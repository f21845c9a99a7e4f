package dev.weft.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A JSONPath subset matching evilmonkeyinc/jsonpath (which Argo's {@code jsonpath()} uses): {@code
 * $}, {@code .key}, {@code ['key']}, {@code [n]}, {@code [a:b]}, {@code [*]}, {@code [a,b]}, {@code
 * ..key} and filters {@code [?(@.x > 1 && @.y == 'z')]}. A path with only keys and indexes yields
 * one value; any wildcard, slice, union, filter or recursive descent yields a list.
 */
final class JsonPath {
  private final String path;
  private int pos;
  private boolean collection;

  private JsonPath(String path) {
    this.path = path;
  }

  static Object query(String path, Object root) {
    return new JsonPath(path.strip()).run(root);
  }

  private Object run(Object root) {
    if (!path.startsWith("$") && !path.startsWith("@")) {
      throw new ExprException("invalid JSONPath \"" + path + "\": must start with $");
    }
    pos = 1;
    List<Object> current = select(java.util.Collections.singletonList(root), root);
    if (collection) {
      return current;
    }
    return current.get(0);
  }

  /** Applies the remaining segments of the path (until end or a filter's end) to {@code nodes}. */
  private List<Object> select(List<Object> nodes, Object root) {
    List<Object> current = nodes;
    while (pos < path.length()) {
      char c = path.charAt(pos);
      if (c == '.' && peek(1) == '.') {
        pos += 2;
        collection = true;
        List<Object> all = new ArrayList<>();
        current.forEach(n -> descendants(n, all));
        current = all;
        if (peek(0) == '[') {
          continue;
        }
        current = child(current, name());
      } else if (c == '.') {
        pos++;
        current = child(current, name());
      } else if (c == '[') {
        current = bracket(current, root);
      } else if (Character.isWhitespace(c)) {
        pos++;
      } else {
        throw new ExprException("invalid JSONPath \"" + path + "\" at " + (pos + 1));
      }
    }
    return current;
  }

  private char peek(int ahead) {
    return pos + ahead < path.length() ? path.charAt(pos + ahead) : '\0';
  }

  private String name() {
    int start = pos;
    while (pos < path.length() && ".[ ".indexOf(path.charAt(pos)) < 0) {
      pos++;
    }
    return path.substring(start, pos);
  }

  private List<Object> child(List<Object> nodes, String key) {
    if (key.equals("*")) {
      collection = true;
      List<Object> out = new ArrayList<>();
      nodes.forEach(n -> out.addAll(children(n)));
      return out;
    }
    List<Object> out = new ArrayList<>();
    for (Object n : nodes) {
      if (n instanceof Map<?, ?> m && m.containsKey(key)) {
        out.add(m.get(key));
      } else if (!collection) {
        throw new ExprException("key: invalid token key '" + key + "' not found");
      }
    }
    return out;
  }

  private static List<Object> children(Object n) {
    if (n instanceof Map<?, ?> m) {
      return new ArrayList<>(m.values());
    }
    if (n instanceof List<?> l) {
      return new ArrayList<>(l);
    }
    return List.of();
  }

  private static void descendants(Object n, List<Object> out) {
    out.add(n);
    children(n).forEach(c -> descendants(c, out));
  }

  private List<Object> bracket(List<Object> nodes, Object root) {
    int close = matching(pos);
    String inner = path.substring(pos + 1, close).strip();
    pos = close + 1;
    if (inner.startsWith("?")) {
      collection = true;
      String filter = inner.substring(1).strip();
      if (filter.startsWith("(") && filter.endsWith(")")) {
        filter = filter.substring(1, filter.length() - 1);
      }
      List<Object> out = new ArrayList<>();
      for (Object n : nodes) {
        for (Object c : children(n)) {
          if (JsonPathFilter.test(filter, c, root)) {
            out.add(c);
          }
        }
      }
      return out;
    }
    if (inner.equals("*")) {
      return child(nodes, "*");
    }
    List<String> parts = splitUnion(inner);
    if (parts.size() > 1) {
      collection = true;
    }
    List<Object> out = new ArrayList<>();
    for (String part : parts) {
      if (part.startsWith("'") || part.startsWith("\"")) {
        out.addAll(child(nodes, part.substring(1, part.length() - 1)));
      } else if (part.contains(":")) {
        collection = true;
        nodes.forEach(n -> out.addAll(slice(n, part)));
      } else {
        int idx = Integer.parseInt(part.strip());
        for (Object n : nodes) {
          if (n instanceof List<?> l && idx < l.size() && idx >= -l.size()) {
            out.add(l.get(idx < 0 ? l.size() + idx : idx));
          } else if (!collection) {
            throw new ExprException("index: invalid token out of range");
          }
        }
      }
    }
    return out;
  }

  private int matching(int open) {
    int depth = 0;
    char quote = 0;
    for (int i = open; i < path.length(); i++) {
      char c = path.charAt(i);
      if (quote != 0) {
        quote = c == quote ? 0 : quote;
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '[') {
        depth++;
      } else if (c == ']' && --depth == 0) {
        return i;
      }
    }
    throw new ExprException("invalid JSONPath \"" + path + "\": unclosed [");
  }

  private static List<String> splitUnion(String inner) {
    List<String> out = new ArrayList<>();
    char quote = 0;
    int start = 0;
    for (int i = 0; i < inner.length(); i++) {
      char c = inner.charAt(i);
      if (quote != 0) {
        quote = c == quote ? 0 : quote;
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == ',') {
        out.add(inner.substring(start, i).strip());
        start = i + 1;
      }
    }
    out.add(inner.substring(start).strip());
    return out;
  }

  private static List<Object> slice(Object n, String spec) {
    if (!(n instanceof List<?> l)) {
      return List.of();
    }
    String[] p = spec.split(":", -1);
    int size = l.size();
    int step = p.length > 2 && !p[2].isBlank() ? Integer.parseInt(p[2].strip()) : 1;
    int from = p[0].isBlank() ? 0 : Integer.parseInt(p[0].strip());
    int to = p[1].isBlank() ? size : Integer.parseInt(p[1].strip());
    from = Math.max(0, Math.min(size, from < 0 ? size + from : from));
    to = Math.max(0, Math.min(size, to < 0 ? size + to : to));
    List<Object> out = new ArrayList<>();
    for (int i = from; step > 0 && i < to; i += step) {
      out.add(l.get(i));
    }
    return out;
  }

  /** Resolves a relative ({@code @...}) or absolute ({@code $...}) path inside a filter. */
  static List<Object> resolve(String path, Object current, Object root) {
    JsonPath p = new JsonPath(path);
    p.pos = 1;
    try {
      return p.select(
          java.util.Collections.singletonList(path.startsWith("@") ? current : root), root);
    } catch (ExprException | IndexOutOfBoundsException e) {
      return List.of();
    }
  }
}
