package dev.weft.lint;

import dev.weft.model.cron.GoDuration;
import java.util.regex.Pattern;

/** Go duration syntax ({@code 10s}, {@code 1m30s}, {@code 1.5h}) or a plain number of seconds. */
final class Durations {
  private static final Pattern SECONDS = Pattern.compile("[-+]?[0-9]+");

  private Durations() {}

  static boolean isGoDuration(String text) {
    try {
      GoDuration.parse(text);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** Argo's ParseStringToDuration: an integer is seconds, anything else a Go duration. */
  static boolean isValid(String text) {
    return SECONDS.matcher(text).matches() || isGoDuration(text);
  }

  static boolean isInteger(String text) {
    return SECONDS.matcher(text).matches();
  }
}
