package dev.weft.expr;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Time builtins and the Go methods expressions may call on times and durations. */
final class ExprMethods {
  private ExprMethods() {}

  static Object time(String name, List<Object> a) {
    return switch (name) {
      case "now" -> Instant.now();
      case "duration" -> GoTime.parseDuration(ExprBuiltins.str(a, 0));
      case "date" -> {
        Object v = ExprBuiltins.arg(a, 0);
        yield v instanceof Instant i ? i : GoTime.parse(ExprBuiltins.str(a, 0));
      }
      default -> ExprBuiltins.str(a, 0);
    };
  }

  static Object invoke(Object base, String name, List<Object> args, int col) {
    Object result =
        switch (base) {
          case Duration d -> duration(d, name, args);
          case Instant t -> instant(t, name, args);
          case null, default -> null;
        };
    if (result == null) {
      throw new ExprException("unknown method " + name + " on " + ExprNumbers.typeName(base), col);
    }
    return result;
  }

  private static Object duration(Duration d, String name, List<Object> args) {
    double nanos = d.toNanos();
    return switch (name) {
      case "Seconds" -> nanos / 1e9;
      case "Minutes" -> nanos / 60e9;
      case "Hours" -> nanos / 3600e9;
      case "Milliseconds" -> d.toMillis();
      case "Microseconds" -> d.toNanos() / 1000;
      case "Nanoseconds" -> d.toNanos();
      case "String" -> GoTime.formatDuration(d);
      case "Abs" -> d.abs();
      default -> null;
    };
  }

  private static Object instant(Instant t, String name, List<Object> args) {
    var utc = t.atZone(java.time.ZoneOffset.UTC);
    return switch (name) {
      case "Unix" -> t.getEpochSecond();
      case "UnixMilli" -> t.toEpochMilli();
      case "Year" -> (long) utc.getYear();
      case "Month" -> (long) utc.getMonthValue();
      case "Day" -> (long) utc.getDayOfMonth();
      case "Hour" -> (long) utc.getHour();
      case "Minute" -> (long) utc.getMinute();
      case "Second" -> (long) utc.getSecond();
      case "UTC", "Local" -> t;
      case "Format" -> GoTime.format(t, ExprBuiltins.str(args, 0));
      case "Sub" -> Duration.between((Instant) ExprBuiltins.arg(args, 0), t);
      case "Add" -> t.plus((Duration) ExprBuiltins.arg(args, 0));
      case "Before" -> t.isBefore((Instant) ExprBuiltins.arg(args, 0));
      case "After" -> t.isAfter((Instant) ExprBuiltins.arg(args, 0));
      case "Equal" -> t.equals(ExprBuiltins.arg(args, 0));
      default -> null;
    };
  }
}
