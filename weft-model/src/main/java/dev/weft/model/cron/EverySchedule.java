package dev.weft.model.cron;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * {@code @every <duration>}: robfig's ConstantDelaySchedule, activating {@code delay} after the
 * previous activation (rounded down to the second, and at least a second).
 */
public record EverySchedule(Duration delay, Optional<ZoneId> zone) implements CronSchedule {

  public EverySchedule {
    if (delay.compareTo(Duration.ofSeconds(1)) < 0) {
      delay = Duration.ofSeconds(1);
    } else {
      delay = Duration.ofSeconds(delay.getSeconds());
    }
  }

  @Override
  public Optional<ZonedDateTime> next(ZonedDateTime after) {
    ZonedDateTime t = after.plus(delay).minusNanos(after.getNano());
    return Optional.of(zone.map(t::withZoneSameInstant).orElse(t));
  }
}
