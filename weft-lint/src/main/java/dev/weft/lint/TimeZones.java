package dev.weft.lint;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Optional;

/** Time zone names as CronWorkflow's {@code timezone} and {@code CRON_TZ=} take them. */
final class TimeZones {
  private TimeZones() {}

  static Optional<String> problem(String zone) {
    if (zone.isEmpty() || zone.equals("Local")) return Optional.empty();
    try {
      ZoneId.of(zone);
      return Optional.empty();
    } catch (DateTimeException e) {
      return Optional.of("unknown time zone \"" + zone + "\"");
    }
  }
}
