package dev.weft.expr;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Go's time layouts ({@code 2006-01-02T15:04:05Z07:00}) and durations ({@code 1h30m}). */
final class GoTime {
  private static final Pattern DURATION_PART =
      Pattern.compile("(\\d+\\.?\\d*|\\.\\d+)(ns|us|µs|μs|ms|s|m|h)");
  private static final String[] LAYOUT_TOKENS = {
    "January",
    "Jan",
    "Monday",
    "Mon",
    "MST",
    "2006",
    "Z07:00",
    "-07:00",
    "Z0700",
    "-0700",
    "01",
    "02",
    "_2",
    "06",
    "15",
    "03",
    "04",
    "05",
    "PM",
    "pm",
    ".000000000",
    ".000000",
    ".000",
    ".999999999",
    ".999999",
    ".999",
    "1",
    "2",
    "3",
    "4",
    "5"
  };

  private GoTime() {}

  /** Go's {@code time.ParseDuration}. */
  static Duration parseDuration(String s) {
    String t = s;
    boolean negative = t.startsWith("-");
    if (negative || t.startsWith("+")) {
      t = t.substring(1);
    }
    if (t.equals("0")) {
      return Duration.ZERO;
    }
    Matcher m = DURATION_PART.matcher(t);
    int pos = 0;
    double nanos = 0;
    while (pos < t.length() && m.find(pos) && m.start() == pos) {
      double v = Double.parseDouble(m.group(1));
      double unit =
          switch (m.group(2)) {
            case "ns" -> 1;
            case "us", "µs", "μs" -> 1e3;
            case "ms" -> 1e6;
            case "s" -> 1e9;
            case "m" -> 60e9;
            default -> 3600e9;
          };
      nanos += v * unit;
      pos = m.end();
    }
    if (pos != t.length() || t.isEmpty()) {
      throw new ExprException("time: invalid duration \"" + s + "\"");
    }
    return Duration.ofNanos((long) (negative ? -nanos : nanos));
  }

  /** Go's {@code Duration.String()}. */
  static String formatDuration(Duration d) {
    long n = d.toNanos();
    if (n == 0) {
      return "0s";
    }
    String sign = n < 0 ? "-" : "";
    long a = Math.abs(n);
    if (a < 1_000_000_000L) {
      String unit = a < 1_000 ? "ns" : a < 1_000_000 ? "µs" : "ms";
      double div = a < 1_000 ? 1 : a < 1_000_000 ? 1e3 : 1e6;
      return sign + GoFormat.formatFloat(a / div) + unit;
    }
    long h = a / 3_600_000_000_000L;
    long m = (a / 60_000_000_000L) % 60;
    double s = (a % 60_000_000_000L) / 1e9;
    StringBuilder sb = new StringBuilder(sign);
    if (h > 0) {
      sb.append(h).append('h');
    }
    if (h > 0 || m > 0) {
      sb.append(m).append('m');
    }
    return sb.append(GoFormat.formatFloat(s)).append('s').toString();
  }

  /** Parses RFC 3339 and a few common layouts; zone-less times are UTC. */
  static Instant parse(String s) {
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException e) {
      // try the next layout
    }
    try {
      return LocalDateTime.parse(s.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      // try the next layout
    }
    try {
      return LocalDate.parse(s).atStartOfDay().toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw new ExprException("cannot parse \"" + s + "\" as a time");
    }
  }

  /** Go's {@code Time.Format(layout)} for the common layout elements, in UTC. */
  static String format(Instant instant, String layout) {
    ZonedDateTime t = instant.atZone(ZoneOffset.UTC);
    StringBuilder sb = new StringBuilder();
    int i = 0;
    outer:
    while (i < layout.length()) {
      for (String tok : LAYOUT_TOKENS) {
        if (layout.startsWith(tok, i)) {
          sb.append(element(t, tok));
          i += tok.length();
          continue outer;
        }
      }
      sb.append(layout.charAt(i++));
    }
    return sb.toString();
  }

  private static String element(ZonedDateTime t, String tok) {
    int hour12 = t.getHour() % 12 == 0 ? 12 : t.getHour() % 12;
    return switch (tok) {
      case "January" -> t.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
      case "Jan" -> t.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
      case "Monday" -> t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
      case "Mon" -> t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
      case "MST" -> "UTC";
      case "2006" -> String.format("%04d", t.getYear());
      case "06" -> String.format("%02d", t.getYear() % 100);
      case "Z07:00", "Z0700" -> "Z";
      case "-07:00" -> "+00:00";
      case "-0700" -> "+0000";
      case "01" -> String.format("%02d", t.getMonthValue());
      case "1" -> Integer.toString(t.getMonthValue());
      case "02" -> String.format("%02d", t.getDayOfMonth());
      case "_2" -> String.format("%2d", t.getDayOfMonth());
      case "2" -> Integer.toString(t.getDayOfMonth());
      case "15" -> String.format("%02d", t.getHour());
      case "03" -> String.format("%02d", hour12);
      case "3" -> Integer.toString(hour12);
      case "04" -> String.format("%02d", t.getMinute());
      case "4" -> Integer.toString(t.getMinute());
      case "05" -> String.format("%02d", t.getSecond());
      case "5" -> Integer.toString(t.getSecond());
      case "PM" -> t.getHour() < 12 ? "AM" : "PM";
      case "pm" -> t.getHour() < 12 ? "am" : "pm";
      default -> fraction(t.getNano(), tok);
    };
  }

  private static String fraction(int nanos, String tok) {
    int digits = tok.length() - 1;
    String f = String.format("%09d", nanos).substring(0, digits);
    if (tok.charAt(1) == '9') {
      f = f.replaceAll("0+$", "");
      return f.isEmpty() ? "" : "." + f;
    }
    return "." + f;
  }
}
