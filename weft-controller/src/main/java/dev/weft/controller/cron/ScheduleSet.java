package dev.weft.controller.cron;

import dev.weft.model.cron.CronParser;
import dev.weft.model.cron.CronSchedule;
import dev.weft.model.cron.CronSyntaxException;
import dev.weft.model.cron.EverySchedule;
import dev.weft.model.spec.CronWorkflowSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A CronWorkflow's schedules ({@code schedule} and {@code schedules}) parsed, with the zone they
 * run in: {@code spec.timezone}, else the controller's. The {@code signature} is Argo's
 * GetScheduleWithTimezoneString, kept in the last-used-schedule annotation to notice a change.
 */
public record ScheduleSet(List<CronSchedule> schedules, ZoneId zone, String signature) {

  public ScheduleSet {
    schedules = List.copyOf(schedules);
  }

  /**
   * The schedules of {@code spec}.
   *
   * @throws IllegalArgumentException naming the bad schedule or time zone
   */
  public static ScheduleSet of(CronWorkflowSpec spec, ZoneId machineZone) {
    List<String> texts = new ArrayList<>();
    if (spec.schedule() != null && !spec.schedule().isEmpty()) {
      texts.add(spec.schedule());
    }
    if (spec.schedules() != null) {
      texts.addAll(spec.schedules());
    }
    if (texts.isEmpty()) {
      throw new IllegalArgumentException("a CronWorkflow needs schedule or schedules");
    }
    String tz = spec.timezone() == null ? "" : spec.timezone();
    ZoneId zone = machineZone;
    if (!tz.isEmpty()) {
      try {
        zone = CronParser.zone(tz, 1).orElse(machineZone);
      } catch (CronSyntaxException e) {
        throw new IllegalArgumentException("invalid timezone \"" + tz + "\": " + e.reason(), e);
      }
    }
    List<CronSchedule> parsed = new ArrayList<>();
    List<String> signed = new ArrayList<>();
    for (String text : texts) {
      try {
        parsed.add(CronSchedule.parse(text));
      } catch (CronSyntaxException e) {
        throw new IllegalArgumentException(
            "cron schedule \"" + text + "\" is malformed: " + e.getMessage(), e);
      }
      signed.add(tz.isEmpty() ? text : "CRON_TZ=" + tz + " " + text);
    }
    return new ScheduleSet(parsed, zone, String.join(",", signed));
  }

  /** The first activation of schedule {@code i} strictly after {@code after}. */
  public Optional<Instant> next(int i, Instant after) {
    return schedules.get(i).next(after, zone);
  }

  /** The first activation of any schedule strictly after {@code after}. */
  public Optional<Instant> next(Instant after) {
    Optional<Instant> best = Optional.empty();
    for (int i = 0; i < schedules.size(); i++) {
      best = earlier(best, next(i, after));
    }
    return best;
  }

  /**
   * Argo's shouldOutstandingWorkflowsBeRun: the latest activation after {@code last} and before
   * {@code now} that is still within {@code deadline} of now (now before it plus the deadline);
   * older missed activations are never run.
   */
  public Optional<Instant> latestMissed(Instant last, Instant now, Duration deadline) {
    Optional<Instant> best = Optional.empty();
    for (int i = 0; i < schedules.size(); i++) {
      Optional<Instant> missed = lastBefore(i, last, now, deadline);
      if (missed.isPresent() && now.isBefore(missed.get().plus(deadline))) {
        best = later(best, missed);
      }
    }
    return best;
  }

  /** The last activation of schedule {@code i} after {@code last} and before {@code now}. */
  private Optional<Instant> lastBefore(int i, Instant last, Instant now, Duration deadline) {
    if (schedules.get(i) instanceof EverySchedule every) {
      long periods = Duration.between(last, now).minusNanos(1).dividedBy(every.delay());
      return periods < 1
          ? Optional.empty()
          : Optional.of(last.plus(every.delay().multipliedBy(periods)));
    }
    // Activations at or before now minus the deadline cannot qualify: start the search there.
    Instant windowStart = now.minus(deadline);
    Instant from = windowStart.isAfter(last) ? windowStart : last;
    Optional<Instant> missed = Optional.empty();
    Optional<Instant> t = next(i, from);
    while (t.isPresent() && t.get().isBefore(now)) {
      missed = t;
      t = next(i, t.get());
    }
    return missed;
  }

  static Optional<Instant> earlier(Optional<Instant> a, Optional<Instant> b) {
    if (a.isEmpty()) {
      return b;
    }
    return b.isPresent() && b.get().isBefore(a.get()) ? b : a;
  }

  static Optional<Instant> later(Optional<Instant> a, Optional<Instant> b) {
    if (a.isEmpty()) {
      return b;
    }
    return b.isPresent() && b.get().isAfter(a.get()) ? b : a;
  }
}
