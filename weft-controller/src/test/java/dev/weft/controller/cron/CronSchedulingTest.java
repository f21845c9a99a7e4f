package dev.weft.controller.cron;

import static dev.weft.controller.cron.CronHarness.requeueDelay;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.model.Workflow;
import dev.weft.runtime.Result;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class CronSchedulingTest {

  /** The name of the run scheduled at {@code instant}. */
  static String run(String instant) {
    return "c-" + Instant.parse(instant).getEpochSecond();
  }

  @Test
  void firstReconcileArmsTheScheduleAndWaitsForIt() {
    CronHarness h = CronHarness.at("2024-01-01T10:00:30Z").create("schedules: ['* * * * *']");
    Result r = h.reconcile();
    assertThat(h.workflows()).isEmpty();
    assertThat(requeueDelay(r)).isEqualTo(Duration.ofSeconds(30));
    assertThat(h.cron().status()).isNull();
  }

  @Test
  void startsTheRunWhenItComesDue() {
    CronHarness h = CronHarness.at("2024-01-01T10:00:30Z").create("schedules: ['* * * * *']");
    h.reconcile();
    Result r = h.reconcileAt("2024-01-01T10:01:00Z");

    assertThat(h.names()).containsExactly(run("2024-01-01T10:01:00Z"));
    Workflow wf = h.workflows().get(0);
    assertThat(wf.metadata().labels()).containsEntry(CronLabels.CRON_WORKFLOW, "c");
    assertThat(wf.metadata().annotations())
        .containsEntry(CronLabels.SCHEDULED_TIME, "2024-01-01T10:01:00Z");
    JsonNode owner = wf.metadata().ownerReferences().get(0);
    assertThat(owner.path("kind").asText()).isEqualTo("CronWorkflow");
    assertThat(owner.path("uid").asText()).isEqualTo(h.cron().metadata().uid());
    assertThat(owner.path("controller").asBoolean()).isTrue();
    assertThat(wf.spec().entrypoint()).isEqualTo("main");

    CronStatus s = h.status();
    assertThat(s.lastScheduledTime()).contains(Instant.parse("2024-01-01T10:01:00Z"));
    assertThat(s.active()).extracting(ActiveRef::name).containsExactly(wf.name());
    assertThat(s.active().get(0).uid()).isEqualTo(wf.metadata().uid());
    assertThat(s.phase()).contains(CronPhase.ACTIVE);
    assertThat(h.cron().metadata().annotations())
        .containsEntry(CronLabels.LAST_USED_SCHEDULE, "* * * * *");
    assertThat(requeueDelay(r)).isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void statusIsWrittenWithArgosFieldNames() {
    CronHarness h = CronHarness.at("2024-01-01T10:00:30Z").create("schedules: ['* * * * *']");
    h.reconcile();
    h.reconcileAt("2024-01-01T10:01:00Z");
    JsonNode status = h.cron().status();
    assertThat(status.fieldNames())
        .toIterable()
        .containsExactlyInAnyOrder(
            "active", "lastScheduledTime", "conditions", "succeeded", "failed", "phase");
    assertThat(status.path("lastScheduledTime").asText()).isEqualTo("2024-01-01T10:01:00Z");
    assertThat(status.path("phase").asText()).isEqualTo("Active");
    assertThat(status.path("active").get(0).path("kind").asText()).isEqualTo("Workflow");
    assertThat(status.path("conditions").isNull()).isTrue();
  }

  @Test
  void aLateReconcileStillStartsTheActivationItWasWaitingFor() {
    CronHarness h =
        CronHarness.at("2024-01-01T10:00:30Z")
            .create("schedules: ['* * * * *']\nstartingDeadlineSeconds: 0");
    h.reconcile();
    Result r = h.reconcileAt("2024-01-01T10:01:40Z");
    assertThat(h.names()).containsExactly(run("2024-01-01T10:01:00Z"));
    assertThat(requeueDelay(r)).isEqualTo(Duration.ofSeconds(20));
  }

  @Test
  void reconcilingTwiceAtTheSameTimeStartsOneWorkflow() {
    CronHarness h = CronHarness.at("2024-01-01T10:00:30Z").create("schedules: ['* * * * *']");
    h.reconcile();
    h.reconcileAt("2024-01-01T10:01:00Z");
    h.reconcile();
    h.restart();
    h.reconcile();
    assertThat(h.names()).containsExactly(run("2024-01-01T10:01:00Z"));
  }

  @Test
  void aRunCreatedBeforeACrashIsRecordedNotRepeated() {
    CronHarness h = CronHarness.at("2024-01-01T10:00:30Z").create("schedules: ['* * * * *']");
    h.reconcile();
    // the controller created the run, then stopped before recording it
    h.clock.set("2024-01-01T10:01:00Z");
    Workflow early =
        h.store.create(ChildWorkflows.build(h.cron(), h.clock.instant(), ZoneId.of("UTC")));
    h.reconcile();
    assertThat(h.names()).containsExactly(early.name());
    CronStatus s = h.status();
    assertThat(s.lastScheduledTime()).contains(h.clock.instant());
    assertThat(s.active()).extracting(ActiveRef::uid).containsExactly(early.metadata().uid());
    assertThat(s.condition(CronCondition.SUBMISSION_ERROR)).isEmpty();
  }

  @Test
  void multipleSchedulesEachStartRuns() {
    CronHarness h =
        CronHarness.at("2024-01-01T10:00:30Z").create("schedules: ['*/3 * * * *', '*/2 * * * *']");
    assertThat(requeueDelay(h.reconcile())).isEqualTo(Duration.ofSeconds(90));
    for (String t : List.of("10:02", "10:03", "10:04", "10:05", "10:06", "10:07")) {
      h.reconcileAt("2024-01-01T" + t + ":00Z");
    }
    assertThat(h.names())
        .containsExactly(
            run("2024-01-01T10:02:00Z"),
            run("2024-01-01T10:03:00Z"),
            run("2024-01-01T10:04:00Z"),
            run("2024-01-01T10:06:00Z"));
  }

  @Test
  void theLegacyScheduleFieldIsScheduledToo() {
    CronHarness h =
        CronHarness.at("2024-01-01T10:00:30Z")
            .create("schedule: '0 * * * *'\nschedules: ['30 * * * *']");
    assertThat(requeueDelay(h.reconcile())).isEqualTo(Duration.ofSeconds(1770));
    h.reconcileAt("2024-01-01T10:30:00Z");
    assertThat(requeueDelay(h.reconcileAt("2024-01-01T10:30:05Z")))
        .isEqualTo(Duration.ofSeconds(1795));
    h.reconcileAt("2024-01-01T11:00:00Z");
    assertThat(h.names()).containsExactly(run("2024-01-01T10:30:00Z"), run("2024-01-01T11:00:00Z"));
  }

  @Test
  void theTimezoneDecidesWhenTheDayStarts() {
    CronHarness h =
        CronHarness.at("2024-01-01T22:00:00Z")
            .create("schedules: ['0 9 * * *']\ntimezone: Asia/Tokyo");
    assertThat(requeueDelay(h.reconcile())).isEqualTo(Duration.ofHours(2));
    h.reconcileAt("2024-01-02T00:00:00Z");
    assertThat(h.names()).containsExactly(run("2024-01-02T00:00:00Z"));
    assertThat(h.cron().metadata().annotations())
        .containsEntry(CronLabels.LAST_USED_SCHEDULE, "CRON_TZ=Asia/Tokyo 0 9 * * *");
  }

  @Test
  void withoutATimezoneTheControllersZoneIsUsed() {
    MutableClock clock =
        new MutableClock(Instant.parse("2024-01-01T12:00:00Z"), ZoneId.of("America/New_York"));
    CronHarness h = new CronHarness(clock).create("schedules: ['0 9 * * *']");
    assertThat(requeueDelay(h.reconcile())).isEqualTo(Duration.ofHours(2));
    h.reconcileAt("2024-01-01T14:00:00Z");
    assertThat(h.names()).containsExactly(run("2024-01-01T14:00:00Z"));
    assertThat(h.workflows().get(0).metadata().annotations())
        .containsEntry(CronLabels.SCHEDULED_TIME, "2024-01-01T09:00:00-05:00");
  }

  @Test
  void aChangedScheduleIsArmedAfreshWithoutCatchingUp() {
    CronHarness h =
        CronHarness.at("2024-01-01T10:00:30Z")
            .create("schedules: ['* * * * *']\nstartingDeadlineSeconds: 3600");
    h.reconcile();
    h.reconcileAt("2024-01-01T10:01:00Z");
    h.clock.set("2024-01-01T10:05:30Z");
    h.editSpec(s -> s.putArray("schedules").add("*/10 * * * *"));
    Result r = h.reconcile();
    assertThat(h.names()).containsExactly(run("2024-01-01T10:01:00Z"));
    assertThat(requeueDelay(r)).isEqualTo(Duration.ofSeconds(270));
    h.reconcileAt("2024-01-01T10:10:00Z");
    assertThat(h.names()).hasSize(2).contains(run("2024-01-01T10:10:00Z"));
    assertThat(h.cron().metadata().annotations())
        .containsEntry(CronLabels.LAST_USED_SCHEDULE, "*/10 * * * *");
  }

  @Test
  void aBadScheduleIsASpecErrorWithItsColumn() {
    CronHarness h = CronHarness.at("2024-01-01T10:00:30Z").create("schedules: ['* 25 * * *']");
    Result r = h.reconcile();
    assertThat(r).isEqualTo(Result.done());
    CronCondition c = h.status().condition(CronCondition.SPEC_ERROR).orElseThrow();
    assertThat(c.status()).isEqualTo("True");
    assertThat(c.message())
        .isEqualTo(
            "cron schedule \"* 25 * * *\" is malformed: column 3: hour: end of range (25) above"
                + " maximum (23): 25");
    h.editSpec(s -> s.putArray("schedules").add("* * * * *"));
    h.reconcile();
    assertThat(h.status().condition(CronCondition.SPEC_ERROR)).isEmpty();
  }

  @Test
  void aDeletedCronWorkflowIsForgotten() {
    CronHarness h = CronHarness.at("2024-01-01T10:00:30Z").create("schedules: ['* * * * *']");
    h.reconcile();
    h.store.delete(dev.weft.model.CronWorkflow.class, "default", "c");
    assertThat(h.reconcileAt("2024-01-01T10:01:00Z")).isEqualTo(Result.done());
    assertThat(h.workflows()).isEmpty();
  }
}
