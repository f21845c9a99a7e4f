package dev.weft.expr;

import java.util.List;
import java.util.Map;

/**
 * Bounds on what an expression may build, so that one workflow's {@code repeat} or doubling loop
 * cannot fill the controller's memory: every string, list or map an operator or function makes is
 * at most {@link #MAX_SIZE} (characters, counting each element of a collection as at least one),
 * and functions that would build more are refused before they allocate.
 */
public final class ExprLimits {
  /** One mebibyte of characters: far above Argo's parameter sizes, far below a heap. */
  public static final int MAX_SIZE = 1 << 20;

  private ExprLimits() {}

  /** Raised when an expression would build a value over the limit; never ignored as unresolved. */
  public static final class TooLarge extends ExprException {
    private static final long serialVersionUID = 1L;

    TooLarge(String message) {
      super(message);
    }
  }

  /** Refuses, before allocating, a result of {@code size} characters or items. */
  static void check(double size, String what) {
    if (size > MAX_SIZE) {
      throw new TooLarge(
          what
              + " would build a value of "
              + String.format("%.0f", size)
              + " characters or items, more than the limit of "
              + MAX_SIZE);
    }
  }

  /** {@code s} with every {@code old} replaced, refused before it is built if it is too large. */
  static String replace(String s, String old, String with, String what) {
    long count = 0;
    if (old.isEmpty()) {
      count = s.length() + 1L;
    } else {
      for (int at = s.indexOf(old); at >= 0; at = s.indexOf(old, at + old.length())) count++;
    }
    check(s.length() + (double) count * (with.length() - old.length()), what);
    return s.replace(old, with);
  }

  /** The parts joined, refused before they are if the result is too large. */
  static String join(String separator, java.util.List<String> parts, String what) {
    double size = (double) separator.length() * Math.max(0, parts.size() - 1);
    for (String p : parts) size += p.length();
    check(size, what);
    return String.join(separator, parts);
  }

  /** Returns {@code v} when its size is within the limit; refuses it otherwise. */
  static Object checked(Object v, String what) {
    if (v instanceof String || v instanceof List<?> || v instanceof Map<?, ?>) {
      long size = size(v, 0);
      if (size > MAX_SIZE) check(size, what);
    }
    return v;
  }

  /** The size of a value (strings' characters and collections' items), up to past the limit. */
  static long sizeOf(Object v) {
    return v instanceof String || v instanceof List<?> || v instanceof Map<?, ?> ? size(v, 0) : 0;
  }

  /** The size of a value, counted only until it passes the limit (shared elements count again). */
  private static long size(Object v, long sofar) {
    switch (v) {
      case String s -> {
        return sofar + s.length();
      }
      case List<?> list -> {
        long n = sofar;
        for (Object o : list) {
          n = size(o, n + 1);
          if (n > MAX_SIZE) return n;
        }
        return n;
      }
      case Map<?, ?> map -> {
        long n = sofar;
        for (Map.Entry<?, ?> e : map.entrySet()) {
          n = size(e.getValue(), size(e.getKey(), n + 1));
          if (n > MAX_SIZE) return n;
        }
        return n;
      }
      case null, default -> {
        return sofar + 1;
      }
    }
  }

  /** Whether {@code e} (or what caused it) is a value over the limit. */
  public static boolean exceeded(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) if (t instanceof TooLarge) return true;
    return false;
  }
}
