package dev.weft.model.cron;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * A cron schedule as Argo reads one ({@code cron.ParseStandard} of robfig/cron v3): five fields
 * (minute hour day-of-month month day-of-week) or a descriptor ({@code @daily}, {@code @every
 * 1h30m}), with an optional {@code CRON_TZ=Zone } or {@code TZ=Zone } prefix.
 *
 * <p>The lint module's {@code dev.weft.lint.CronSchedule} checks the same syntax without computing
 * times; it could reuse {@link #parse} instead.
 */
public sealed interface CronSchedule permits FieldSchedule, EverySchedule {

  /**
   * Parses a schedule.
   *
   * @throws CronSyntaxException naming the column of the first problem
   */
  static CronSchedule parse(String spec) {
    return CronParser.parse(spec);
  }

  /** The zone of a {@code CRON_TZ=} prefix; empty means the zone of the time passed to next. */
  Optional<ZoneId> zone();

  /**
   * The first activation strictly after {@code after}, in the schedule's zone (or {@code after}'s
   * when the schedule has none); empty when there is none within five years.
   */
  Optional<ZonedDateTime> next(ZonedDateTime after);

  /** {@link #next(ZonedDateTime)} with {@code defaultZone} standing for the machine's zone. */
  default Optional<Instant> next(Instant after, ZoneId defaultZone) {
    return next(after.atZone(defaultZone)).map(ZonedDateTime::toInstant);
  }
}
