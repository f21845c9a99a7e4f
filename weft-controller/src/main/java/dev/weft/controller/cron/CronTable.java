package dev.weft.controller.cron;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The controller's running cron engine, in memory as robfig/cron's entries are in Argo: per
 * CronWorkflow, the next activation of each schedule, armed from the moment the schedules were
 * first seen. An activation that comes due while armed is "on time" however late the reconcile
 * runs; activations that passed while nothing was armed (the controller was down, or the schedule
 * just changed) are "missed" and only startingDeadlineSeconds can bring one back.
 */
final class CronTable {

  /**
   * The armed schedules of one CronWorkflow: their signature, each one's next activation, and the
   * last scheduled time whose run failed (not retried as a missed run, so a failing run cannot
   * loop).
   */
  record Entries(String signature, List<Optional<Instant>> next, Optional<Instant> failed) {
    Entries {
      next = List.copyOf(next);
    }

    /** The latest activation that has come due. */
    Optional<Instant> due(Instant now) {
      Optional<Instant> best = Optional.empty();
      for (Optional<Instant> t : next) {
        if (t.isPresent() && !t.get().isAfter(now)) {
          best = ScheduleSet.later(best, t);
        }
      }
      return best;
    }

    /** As robfig after running its due entries: each one's next activation after now. */
    Entries advancedPast(Instant now, ScheduleSet schedules) {
      List<Optional<Instant>> out = new ArrayList<>();
      for (int i = 0; i < next.size(); i++) {
        Optional<Instant> t = next.get(i);
        out.add(t.isPresent() && !t.get().isAfter(now) ? schedules.next(i, now) : t);
      }
      return new Entries(signature, out, failed);
    }

    Entries withFailed(Instant scheduled) {
      return new Entries(signature, next, Optional.of(scheduled));
    }

    Optional<Instant> earliest() {
      Optional<Instant> best = Optional.empty();
      for (Optional<Instant> t : next) {
        best = ScheduleSet.earlier(best, t);
      }
      return best;
    }
  }

  private final Map<CronKey, Entries> entries = new ConcurrentHashMap<>();

  /** The armed entries of {@code key}; armed afresh from {@code now} if the schedules changed. */
  Entries entriesFor(CronKey key, ScheduleSet schedules, Instant now) {
    Entries current = entries.get(key);
    if (current != null && current.signature().equals(schedules.signature())) {
      return current;
    }
    List<Optional<Instant>> next = new ArrayList<>();
    for (int i = 0; i < schedules.schedules().size(); i++) {
      next.add(schedules.next(i, now));
    }
    return new Entries(schedules.signature(), next, Optional.empty());
  }

  void put(CronKey key, Entries e) {
    entries.put(key, e);
  }

  void forget(CronKey key) {
    entries.remove(key);
  }
}
