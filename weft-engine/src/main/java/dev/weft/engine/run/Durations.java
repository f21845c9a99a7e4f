package dev.weft.engine.run;

import dev.weft.engine.template.EngineError;
import dev.weft.model.cron.GoDuration;
import java.time.Duration;

/** Argo's ParseStringToDuration: a whole number is seconds, anything else a Go duration. */
public final class Durations {
  private Durations() {}

  public static Duration parse(String text) {
    String s = text == null ? "" : text.strip();
    if (s.matches("\\d+")) return Duration.ofSeconds(Long.parseLong(s));
    try {
      return GoDuration.parse(s);
    } catch (IllegalArgumentException e) {
      throw new EngineError("invalid duration \"" + text + "\" (expected e.g. 30s, 5m, 1h30m)");
    }
  }
}
