package dev.weft.engine.exec;

import java.time.Duration;

/** Durations in words, as Argo writes them in messages. */
final class HumanDuration {
  private HumanDuration() {}

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
