package dev.weft.controller.cron;

import static dev.weft.controller.cron.CronHarness.requeueDelay;
import static dev.weft.controller.cron.CronSchedulingTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** startingDeadlineSeconds after a restart, and suspend. */
class CronMissedRunsTest {

  /** Ran at 10:01, then the controller was down until 10:04:20 (10:02, 10:03, 10:04 missed). */
  static CronHarness downForThreePeriods(String deadlineLine) {
    CronHarness h =
        CronHarness.at("2024-01-01T10:00:30Z").create("schedules: ['* * * * *']\n" + deadlineLine);
    h.reconcile();
    h.reconcileAt("2024-01-01T10:01:00Z");
    h.restart();
    h.clock.set("2024-01-01T10:04:20Z");
    return h;
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "startingDeadlineSeconds: 60   | true",
        "startingDeadlineSeconds: 3600 | true",
        "startingDeadlineSeconds: 20   | false",
        "startingDeadlineSeconds: 10   | false",
        "startingDeadlineSeconds: 0    | false",
        "suspend: false                | false",
      })
  void onlyTheLatestMissedRunStartsAndOnlyWithinTheDeadline(String deadline, boolean runs) {
    CronHarness h = downForThreePeriods(deadline);
    Duration wait = requeueDelay(h.reconcile());
    if (runs) {
      assertThat(h.names())
          .containsExactly(run("2024-01-01T10:01:00Z"), run("2024-01-01T10:04:00Z"));
      assertThat(h.status().lastScheduledTime()).contains(Instant.parse("2024-01-01T10:04:00Z"));
    } else {
      assertThat(h.names()).containsExactly(run("2024-01-01T10:01:00Z"));
    }
    assertThat(wait).isEqualTo(Duration.ofSeconds(40));
    h.reconcileAt("2024-01-01T10:05:00Z");
    assertThat(h.names()).contains(run("2024-01-01T10:05:00Z"));
  }

  @Test
  void neverRunCronWorkflowsDoNotCatchUp() {
    CronHarness h =
        CronHarness.at("2024-01-01T10:00:30Z")
            .create("schedules: ['* * * * *']\nstartingDeadlineSeconds: 3600");
    h.clock.set("2024-01-01T10:04:20Z");
    h.reconcile();
    assertThat(h.workflows()).isEmpty();
  }

  @Test
  void everySchedulesCatchUpFromTheLastRun() {
    CronHarness h =
        CronHarness.at("2024-01-01T10:00:00Z")
            .create("schedules: ['@every 5m']\nstartingDeadlineSeconds: 120");
    assertThat(requeueDelay(h.reconcile())).isEqualTo(Duration.ofMinutes(5));
    h.reconcileAt("2024-01-01T10:05:00Z");
    h.restart();
    h.reconcileAt("2024-01-01T10:21:00Z");
    assertThat(h.names()).containsExactly(run("2024-01-01T10:05:00Z"), run("2024-01-01T10:20:00Z"));
  }

  @Test
  void suspendedCronWorkflowsStartNothing() {
    CronHarness h =
        CronHarness.at("2024-01-01T10:00:30Z").create("schedules: ['* * * * *']\nsuspend: true");
    h.reconcile();
    Duration wait = requeueDelay(h.reconcileAt("2024-01-01T10:01:00Z"));
    assertThat(h.workflows()).isEmpty();
    assertThat(h.status().lastScheduledTime()).isEmpty();
    assertThat(wait).isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void resumingWithinTheDeadlineStartsTheMissedRun() {
    CronHarness h =
        CronHarness.at("2024-01-01T10:00:30Z")
            .create("schedules: ['* * * * *']\nstartingDeadlineSeconds: 30");
    h.reconcile();
    h.reconcileAt("2024-01-01T10:01:00Z");
    h.editSpec(s -> s.put("suspend", true));
    h.reconcileAt("2024-01-01T10:02:00Z");
    h.reconcileAt("2024-01-01T10:03:00Z");
    assertThat(h.names()).containsExactly(run("2024-01-01T10:01:00Z"));

    h.clock.set("2024-01-01T10:03:20Z");
    h.editSpec(s -> s.put("suspend", false));
    h.reconcile();
    assertThat(h.names()).containsExactly(run("2024-01-01T10:01:00Z"), run("2024-01-01T10:03:00Z"));
  }
}
