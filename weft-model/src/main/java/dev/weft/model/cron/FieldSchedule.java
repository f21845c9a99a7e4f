package dev.weft.model.cron;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * A five-field schedule as bit sets (bit {@code n} set: value {@code n} matches), robfig's
 * SpecSchedule with the seconds fixed at 0. A day-of-month or day-of-week written as {@code *} or
 * {@code ?} (without a step above 1) is "unrestricted": when either is, a day must match both
 * fields; when both are restricted, a day matching either one is enough.
 */
public record FieldSchedule(
    long minutes,
    long hours,
    long daysOfMonth,
    long months,
    long daysOfWeek,
    boolean anyDayOfMonth,
    boolean anyDayOfWeek,
    Optional<ZoneId> zone)
    implements CronSchedule {

  /**
   * robfig's SpecSchedule.Next: find the first matching month, then day, hour, minute and second,
   * resetting the smaller fields the first time a field is advanced and starting over when a field
   * wraps. Hours, minutes and seconds advance on the instant time line, so a wall-clock time that a
   * DST change skips never matches and one it repeats matches each time it occurs.
   */
  @Override
  public Optional<ZonedDateTime> next(ZonedDateTime after) {
    ZoneId loc = zone.orElse(after.getZone());
    Instant start = after.toInstant();
    ZonedDateTime t = start.plusSeconds(1).minusNanos(start.getNano()).atZone(loc);
    boolean added = false;
    int yearLimit = t.getYear() + 5;
    wrap:
    while (true) {
      if (t.getYear() > yearLimit) {
        return Optional.empty();
      }
      while (!has(months, t.getMonthValue())) {
        if (!added) {
          added = true;
          t = ZonedDateTime.of(t.getYear(), t.getMonthValue(), 1, 0, 0, 0, 0, loc);
        }
        t = t.plusMonths(1);
        if (t.getMonthValue() == 1) {
          continue wrap;
        }
      }
      while (!dayMatches(t)) {
        if (!added) {
          added = true;
          t = ZonedDateTime.of(t.toLocalDate(), LocalTime.MIDNIGHT, loc);
        }
        t = t.plusDays(1);
        // Where DST moves midnight, the day starts at 01:00 or 23:00; go back to midnight.
        if (t.getHour() != 0) {
          t = t.getHour() > 12 ? t.plusHours(24 - t.getHour()) : t.minusHours(t.getHour());
        }
        if (t.getDayOfMonth() == 1) {
          continue wrap;
        }
      }
      while (!has(hours, t.getHour())) {
        if (!added) {
          added = true;
          t = ZonedDateTime.of(t.toLocalDate(), LocalTime.of(t.getHour(), 0), loc);
        }
        t = t.plusHours(1);
        if (t.getHour() == 0) {
          continue wrap;
        }
      }
      while (!has(minutes, t.getMinute())) {
        if (!added) {
          added = true;
          t = t.toInstant().truncatedTo(ChronoUnit.MINUTES).atZone(loc);
        }
        t = t.plusMinutes(1);
        if (t.getMinute() == 0) {
          continue wrap;
        }
      }
      while (t.getSecond() != 0) {
        if (!added) {
          added = true;
          t = t.toInstant().truncatedTo(ChronoUnit.SECONDS).atZone(loc);
        }
        t = t.plusSeconds(1);
        if (t.getSecond() == 0) {
          continue wrap;
        }
      }
      return Optional.of(t);
    }
  }

  private boolean dayMatches(ZonedDateTime t) {
    boolean dom = has(daysOfMonth, t.getDayOfMonth());
    boolean dow = has(daysOfWeek, t.getDayOfWeek().getValue() % 7);
    return anyDayOfMonth || anyDayOfWeek ? dom && dow : dom || dow;
  }

  private static boolean has(long bits, int value) {
    return (bits & (1L << value)) != 0;
  }
}
