package dev.weft.model.cron;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Map;

/** Go's {@code time.ParseDuration}: {@code 300ms}, {@code -1.5h}, {@code 2h45m}; "0" alone. */
public final class GoDuration {
  private static final Map<String, Long> UNITS =
      Map.of(
          "ns", 1L,
          "us", 1_000L,
          "\u00b5s", 1_000L,
          "\u03bcs", 1_000L,
          "ms", 1_000_000L,
          "s", 1_000_000_000L,
          "m", 60_000_000_000L,
          "h", 3_600_000_000_000L);
  private static final BigInteger MAX = BigInteger.valueOf(Long.MAX_VALUE);

  private GoDuration() {}

  /**
   * The duration {@code text} denotes.
   *
   * @throws IllegalArgumentException with Go's message when it is not a duration
   */
  public static Duration parse(String text) {
    String s = text;
    boolean negative = false;
    if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
      negative = s.charAt(0) == '-';
      s = s.substring(1);
    }
    if (s.equals("0")) {
      return Duration.ZERO;
    }
    if (s.isEmpty()) {
      throw invalid(text);
    }
    BigDecimal total = BigDecimal.ZERO;
    int i = 0;
    while (i < s.length()) {
      int start = i;
      while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
        i++;
      }
      String number = s.substring(start, i);
      if (number.isEmpty()
          || number.equals(".")
          || number.indexOf('.') != number.lastIndexOf('.')) {
        throw invalid(text);
      }
      int unitStart = i;
      while (i < s.length() && !Character.isDigit(s.charAt(i)) && s.charAt(i) != '.') {
        i++;
      }
      String unit = s.substring(unitStart, i);
      if (unit.isEmpty()) {
        throw new IllegalArgumentException("time: missing unit in duration \"" + text + "\"");
      }
      Long nanos = UNITS.get(unit);
      if (nanos == null) {
        throw new IllegalArgumentException(
            "time: unknown unit \"" + unit + "\" in duration \"" + text + "\"");
      }
      String plain = number.startsWith(".") ? "0" + number : number;
      total = total.add(new BigDecimal(plain).multiply(BigDecimal.valueOf(nanos)));
    }
    BigInteger whole = total.toBigInteger();
    if (whole.compareTo(MAX) > 0) {
      throw invalid(text);
    }
    long n = whole.longValueExact();
    return Duration.ofNanos(negative ? -n : n);
  }

  private static IllegalArgumentException invalid(String text) {
    return new IllegalArgumentException("time: invalid duration \"" + text + "\"");
  }
}
