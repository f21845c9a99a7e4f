package dev.weft.lint;

import java.util.regex.Pattern;

/** Go duration syntax ({@code 10s}, {@code 1m30s}, {@code 1.5h}) or a plain number of seconds. */
final class Durations {
  private static final Pattern GO =
      Pattern.compile("[-+]?(([0-9]+(\\.[0-9]*)?|\\.[0-9]+)(ns|us|µs|μs|ms|s|m|h))+");
  private static final Pattern SECONDS = Pattern.compile("[-+]?[0-9]+");

  private Durations() {}

  static boolean isGoDuration(String text) {
    return "0".equals(text) || GO.matcher(text).matches();
  }

  /** Argo's ParseStringToDuration: an integer is seconds, anything else a Go duration. */
  static boolean isValid(String text) {
    return SECONDS.matcher(text).matches() || isGoDuration(text);
  }

  static boolean isInteger(String text) {
    return SECONDS.matcher(text).matches();
  }
}
