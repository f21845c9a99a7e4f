package dev.weft.bench;

/**
 * One measured figure. {@code target} says what this release aims for ("<= 2 s"), and {@code holds}
 * whether the measurement meets it (null when the figure has no target).
 */
public record Figure(
    String section, String name, double value, String unit, String target, Boolean holds) {

  public static Figure of(String section, String name, double value, String unit) {
    return new Figure(section, name, value, unit, null, null);
  }

  /** A figure that should be at most {@code limit}. */
  public static Figure atMost(
      String section, String name, double value, String unit, double limit) {
    return new Figure(
        section, name, value, unit, "<= " + Report.number(limit) + " " + unit, value <= limit);
  }

  /** A figure that should be at least {@code limit}. */
  public static Figure atLeast(
      String section, String name, double value, String unit, double limit) {
    return new Figure(
        section, name, value, unit, ">= " + Report.number(limit) + " " + unit, value >= limit);
  }
}
