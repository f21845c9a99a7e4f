package dev.weft.engine.exec;

import java.time.Duration;

/** Formats a duration as Go's time.Duration.String does ({@code 1m30s}, {@code 2.5s}). */
final class GoDuration {
  private GoDuration() {}

  static String format(Duration d) {
    long ms = d.toMillis();
    if (ms == 0) return "0s";
    StringBuilder out = new StringBuilder();
    long h = ms / 3_600_000;
    long m = (ms / 60_000) % 60;
    double s = (ms % 60_000) / 1000.0;
    if (h > 0) out.append(h).append('h');
    if (h > 0 || m > 0) out.append(m).append('m');
    String secs = s == Math.floor(s) ? Long.toString((long) s) : Double.toString(s);
    out.append(secs).append('s');
    return out.toString();
  }

  /** Words, as Argo's backoff message writes them: {@code 1 minute 30 seconds}. */
  static String humanize(Duration d) {
    long secs = Math.max(0, (d.toMillis() + 999) / 1000);
    long h = secs / 3600;
    long m = (secs / 60) % 60;
    long s = secs % 60;
    StringBuilder out = new StringBuilder();
    if (h > 0) out.append(h).append(h == 1 ? " hour " : " hours ");
    if (m > 0) out.append(m).append(m == 1 ? " minute " : " minutes ");
    if (s > 0 || out.isEmpty()) out.append(s).append(s == 1 ? " second" : " seconds");
    return out.toString().trim();
  }
}
