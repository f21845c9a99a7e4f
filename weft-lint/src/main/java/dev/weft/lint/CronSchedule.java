package dev.weft.lint;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Validates a cron schedule as Argo's cron library (robfig/cron, standard parser) reads it: five
 * fields, or a descriptor such as {@code @daily} or {@code @every 1h}, with an optional {@code
 * CRON_TZ=} or {@code TZ=} prefix.
 */
final class CronSchedule {
  private record Field(String name, int min, int max, List<String> names) {}

  private static final List<String> MONTHS =
      List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC");
  private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");
  private static final List<Field> FIELDS =
      List.of(
          new Field("minute", 0, 59, List.of()),
          new Field("hour", 0, 23, List.of()),
          new Field("day of month", 1, 31, List.of()),
          new Field("month", 1, 12, MONTHS),
          new Field("day of week", 0, 6, DAYS));
  private static final List<String> DESCRIPTORS =
      List.of("@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly");

  private CronSchedule() {}

  /** Why the schedule is invalid, or empty when it is valid. */
  static Optional<String> problem(String schedule) {
    String spec = schedule.strip();
    if (spec.startsWith("CRON_TZ=") || spec.startsWith("TZ=")) {
      int space = spec.indexOf(' ');
      if (space < 0) return Optional.of("a time zone prefix must be followed by a schedule");
      String zone = spec.substring(spec.indexOf('=') + 1, space);
      if (TimeZones.problem(zone).isPresent()) return TimeZones.problem(zone);
      spec = spec.substring(space + 1).strip();
    }
    if (spec.isEmpty()) return Optional.of("empty schedule");
    if (spec.startsWith("@every ")) {
      String every = spec.substring(7).strip();
      return Durations.isGoDuration(every)
          ? Optional.empty()
          : Optional.of("\"" + every + "\" is not a duration (e.g. 1h30m)");
    }
    if (spec.startsWith("@")) {
      return DESCRIPTORS.contains(spec)
          ? Optional.empty()
          : Optional.of(
              "unknown descriptor \"" + spec + "\" (expected one of " + DESCRIPTORS + ")");
    }
    String[] parts = spec.split("\\s+");
    if (parts.length != 5) {
      return Optional.of(
          "expected 5 fields (minute hour day-of-month month day-of-week), found " + parts.length);
    }
    for (int i = 0; i < 5; i++) {
      Optional<String> p = field(parts[i], FIELDS.get(i));
      if (p.isPresent()) return p;
    }
    return Optional.empty();
  }

  private static Optional<String> field(String text, Field f) {
    for (String item : text.split(",", -1)) {
      Optional<String> p = item(item, f);
      if (p.isPresent()) return Optional.of(f.name() + ": " + p.get());
    }
    return Optional.empty();
  }

  private static Optional<String> item(String item, Field f) {
    String range = item;
    int slash = item.indexOf('/');
    if (slash >= 0) {
      range = item.substring(0, slash);
      Integer step = number(item.substring(slash + 1), List.of());
      if (step == null || step <= 0) return Optional.of("bad step in \"" + item + "\"");
    }
    if (range.equals("*") || range.equals("?")) return Optional.empty();
    String[] ends = range.split("-", -1);
    if (ends.length > 2) return Optional.of("bad range \"" + item + "\"");
    Integer low = number(ends[0], f.names());
    Integer high = ends.length == 2 ? number(ends[1], f.names()) : low;
    if (low == null || high == null) return Optional.of("\"" + item + "\" is not a value");
    if (low < f.min() || high > f.max() || low > high) {
      return Optional.of("\"" + item + "\" is outside " + f.min() + "-" + f.max());
    }
    return Optional.empty();
  }

  private static Integer number(String text, List<String> names) {
    int named = names.indexOf(text.toUpperCase(Locale.ROOT));
    if (named >= 0) return names == MONTHS ? named + 1 : named;
    if (text.isEmpty() || !text.chars().allMatch(Character::isDigit) || text.length() > 9) {
      return null;
    }
    return Integer.parseInt(text);
  }
}
