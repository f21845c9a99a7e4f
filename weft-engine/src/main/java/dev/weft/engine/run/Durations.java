package dev.weft.engine.run;

import dev.weft.engine.template.EngineError;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Go's duration syntax ({@code 1h2m3.5s}, {@code 300ms}) or plain seconds, as Argo accepts. */
public final class Durations {
  private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|µs|ms|s|m|h|d)");

  private Durations() {}

  public static Duration parse(String text) {
    String s = text == null ? "" : text.trim();
    if (s.isEmpty()) throw new EngineError("empty duration");
    if (s.matches("\\d+")) return Duration.ofSeconds(Long.parseLong(s));
    Matcher m = PART.matcher(s);
    int pos = 0;
    double nanos = 0;
    while (m.find() && m.start() == pos) {
      double v = Double.parseDouble(m.group(1));
      nanos +=
          v
              * switch (m.group(2)) {
                case "ns" -> 1;
                case "us", "µs" -> 1e3;
                case "ms" -> 1e6;
                case "s" -> 1e9;
                case "m" -> 60e9;
                case "h" -> 3600e9;
                default -> 86400e9;
              };
      pos = m.end();
    }
    if (pos != s.length() || pos == 0) {
      throw new EngineError("invalid duration \"" + text + "\" (expected e.g. 30s, 5m, 1h30m)");
    }
    return Duration.ofNanos((long) nanos);
  }
}
