package dev.weft.cli.client;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Times as argo prints them: timestamps with "ago", durations in words and short ages. */
public final class Humanize {
  // Go's "Mon Jan 02 15:04:05 -0700", which argo uses for Created/Started/Finished
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss Z", Locale.ENGLISH);

  private Humanize() {}

  /** An RFC 3339 time as the API writes it; null when absent or unreadable. */
  public static Instant parse(String text) {
    if (text == null || text.isBlank()) return null;
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** {@code Wed Jan 24 10:00:00 +0000 (5 minutes ago)}. */
  public static String timestamp(Instant t, Instant now) {
    return STAMP.format(t.atZone(ZoneId.systemDefault())) + " (" + relative(t, now) + ")";
  }

  /** {@code 5 minutes ago}, {@code 3 hours from now}, {@code now}. */
  public static String relative(Instant t, Instant now) {
    Duration d = Duration.between(t, now);
    if (d.abs().toSeconds() < 1) return "now";
    return words(d.abs(), true) + (d.isNegative() ? " from now" : " ago");
  }

  /** {@code 1 minute 5 seconds}: how long something ran (until now when {@code end} is null). */
  public static String duration(Instant start, Instant end, Instant now) {
    return words(Duration.between(start, end == null ? now : end), false);
  }

  /** A short age for tables, as kubectl and argo list print one: 42s, 5m10s, 3h, 12d. */
  public static String shortDuration(Duration d) {
    long s = Math.max(0, d.toSeconds());
    long m = s / 60;
    long h = m / 60;
    if (s < 120) return s + "s";
    if (m < 10) return m + "m" + (s % 60 == 0 ? "" : (s % 60) + "s");
    if (m < 180) return m + "m";
    if (h < 8) return h + "h" + (m % 60 == 0 ? "" : (m % 60) + "m");
    if (h < 48) return h + "h";
    if (h < 192) return (h / 24) + "d" + (h % 24 == 0 ? "" : (h % 24) + "h");
    return (h / 24) + "d";
  }

  /** The largest unit, and the next one down when {@code coarse} is false. */
  private static String words(Duration d, boolean coarse) {
    long s = Math.max(0, d.toSeconds());
    long[] sizes = {86400, 3600, 60, 1};
    String[] names = {"day", "hour", "minute", "second"};
    for (int i = 0; i < sizes.length; i++) {
      if (s < sizes[i] && i < sizes.length - 1) continue;
      long n = s / sizes[i];
      String out = plural(n, names[i]);
      long rest = s % sizes[i];
      if (!coarse && i < sizes.length - 1 && rest / sizes[i + 1] > 0) {
        out += " " + plural(rest / sizes[i + 1], names[i + 1]);
      }
      return out;
    }
    return "0 seconds";
  }

  private static String plural(long n, String unit) {
    return n + " " + unit + (n == 1 ? "" : "s");
  }
}
