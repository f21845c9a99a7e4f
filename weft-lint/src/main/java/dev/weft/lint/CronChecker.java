package dev.weft.lint;

import static dev.weft.model.codec.LocationIndex.child;

import dev.weft.model.cron.CronSchedule;
import dev.weft.model.cron.CronSyntaxException;
import dev.weft.model.spec.CronWorkflowSpec;
import java.util.List;
import java.util.Set;

/** Checks of a CronWorkflow's own fields: schedules, time zone, concurrency policy, when. */
final class CronChecker {
  private static final Set<String> POLICIES = Set.of("Allow", "Forbid", "Replace");

  private CronChecker() {}

  static void check(Reporter report, CronWorkflowSpec spec, String pointer) {
    boolean none =
        spec.schedule() == null && (spec.schedules() == null || spec.schedules().isEmpty());
    if (none) report.error(pointer, "a CronWorkflow needs schedule or schedules");
    if (spec.schedule() != null) schedule(report, spec.schedule(), child(pointer, "schedule"));
    List<String> schedules = spec.schedules() == null ? List.of() : spec.schedules();
    for (int i = 0; i < schedules.size(); i++) {
      schedule(report, schedules.get(i), child(child(pointer, "schedules"), i));
    }
    if (spec.timezone() != null) {
      TimeZones.problem(spec.timezone())
          .ifPresent(p -> report.error(child(pointer, "timezone"), p));
    }
    String policy = spec.concurrencyPolicy();
    if (policy != null && !POLICIES.contains(policy)) {
      report.error(
          child(pointer, "concurrencyPolicy"),
          "unknown concurrencyPolicy \"" + policy + "\" (expected one of Allow, Forbid, Replace)");
    }
    if (spec.when() != null) {
      Expressions.checkExpressionTags(report, child(pointer, "when"), spec.when());
    }
    if (spec.workflowSpec() == null) report.error(pointer, "missing workflowSpec");
  }

  /** Parsed by the same parser the CronWorkflow controller schedules with. */
  private static void schedule(Reporter report, String schedule, String pointer) {
    try {
      CronSchedule.parse(schedule);
    } catch (CronSyntaxException e) {
      report.errorInValue(
          pointer,
          Math.max(0, e.column() - 1),
          "invalid schedule \"" + schedule + "\": " + e.reason());
    }
  }
}
