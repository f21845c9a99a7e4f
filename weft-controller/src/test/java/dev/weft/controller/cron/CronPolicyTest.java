package dev.weft.controller.cron;

import static dev.weft.controller.cron.CronSchedulingTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.status.WorkflowPhase;
import dev.weft.runtime.Result;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Concurrency policies, when, stopStrategy, counters and history limits. */
class CronPolicyTest {
  static final String T1 = "2024-01-01T10:01:00Z";
  static final String T2 = "2024-01-01T10:02:00Z";
  static final String T3 = "2024-01-01T10:03:00Z";

  static CronHarness everyMinute(String moreSpec) {
    CronHarness h =
        CronHarness.at("2024-01-01T10:00:30Z").create("schedules: ['* * * * *']\n" + moreSpec);
    h.reconcile();
    return h;
  }

  @Test
  void allowRunsAlongsideActiveRuns() {
    CronHarness h = everyMinute("concurrencyPolicy: Allow");
    h.reconcileAt(T1);
    h.reconcileAt(T2);
    assertThat(h.names()).containsExactly(run(T1), run(T2));
    assertThat(h.status().active()).extracting(ActiveRef::name).containsExactly(run(T1), run(T2));
  }

  @Test
  void forbidSkipsWhileARunIsActive() {
    CronHarness h = everyMinute("concurrencyPolicy: Forbid");
    h.reconcileAt(T1);
    h.reconcileAt(T2);
    assertThat(h.names()).containsExactly(run(T1));
    h.clock.set("2024-01-01T10:02:30Z");
    h.finish(run(T1), WorkflowPhase.SUCCEEDED);
    h.reconcile();
    assertThat(h.status().active()).isEmpty();
    h.reconcileAt(T3);
    assertThat(h.names()).containsExactly(run(T1), run(T3));
  }

  @Test
  void replaceTerminatesActiveRunsThenStarts() {
    CronHarness h = everyMinute("concurrencyPolicy: Replace");
    h.reconcileAt(T1);
    h.reconcileAt(T2);
    assertThat(h.names()).containsExactly(run(T1), run(T2));
    assertThat(h.workflow(run(T1)).spec().shutdown()).isEqualTo("Terminate");
    assertThat(h.workflow(run(T2)).spec().shutdown()).isNull();
  }

  @Test
  void finishedRunsAreCountedAndLeaveTheActiveList() {
    CronHarness h = everyMinute("");
    h.reconcileAt(T1);
    h.reconcileAt(T2);
    h.finish(run(T1), WorkflowPhase.SUCCEEDED);
    h.finish(run(T2), WorkflowPhase.ERROR);
    h.reconcile();
    CronStatus s = h.status();
    assertThat(s.succeeded()).isEqualTo(1);
    assertThat(s.failed()).isEqualTo(1);
    assertThat(s.active()).isEmpty();
    h.reconcile();
    assertThat(h.status().succeeded()).isEqualTo(1);
  }

  @Test
  void whenTrueRuns() {
    CronHarness h = everyMinute("when: \"{{= cronworkflow.name == 'c' }}\"");
    h.reconcileAt(T1);
    assertThat(h.names()).containsExactly(run(T1));
  }

  @Test
  void whenFalseSkips() {
    CronHarness h = everyMinute("when: \"{{= cronworkflow.succeeded > 0 }}\"");
    h.reconcileAt(T1);
    assertThat(h.workflows()).isEmpty();
    assertThat(h.status().lastScheduledTime()).isEmpty();
  }

  @Test
  void whenSeesTheLastScheduledTime() {
    CronHarness h =
        everyMinute(
            "when: \"{{= cronworkflow.lastScheduledTime == nil ||"
                + " cronworkflow.lastScheduledTime.Unix() < 1704103260 }}\"");
    h.reconcileAt(T1);
    h.reconcileAt(T2);
    h.reconcileAt(T3);
    assertThat(Instant.parse(T1).getEpochSecond()).isEqualTo(1704103260);
    assertThat(h.names()).containsExactly(run(T1));
  }

  @Test
  void whenTakesSimpleTagsAndGovaluate() {
    CronHarness h = everyMinute("when: \"'{{cronworkflow.namespace}}' == 'default'\"");
    h.reconcileAt(T1);
    assertThat(h.names()).containsExactly(run(T1));
  }

  @Test
  void aFailingWhenIsASubmissionErrorCountedOnce() {
    CronHarness h =
        everyMinute(
            "startingDeadlineSeconds: 300\n"
                + "when: \"{{= cronworkflow.lastScheduledTime == nil ? 'true' : 'maybe' }}\"");
    h.reconcileAt(T1);
    h.reconcileAt(T2);
    h.reconcileAt("2024-01-01T10:02:10Z");
    h.reconcile();
    assertThat(h.names()).containsExactly(run(T1));
    CronStatus s = h.status();
    assertThat(s.failed()).isEqualTo(1);
    assertThat(s.condition(CronCondition.SUBMISSION_ERROR).orElseThrow().message())
        .startsWith("run policy error: ")
        .contains("maybe");
  }

  @Test
  void anUnparsableWhenIsASubmissionError() {
    CronHarness h = everyMinute("when: \"{{= 1 + }}\"");
    h.reconcileAt(T1);
    assertThat(h.workflows()).isEmpty();
    assertThat(h.status().failed()).isEqualTo(1);
    assertThat(h.status().condition(CronCondition.SUBMISSION_ERROR)).isPresent();
  }

  @Test
  void stopStrategyStopsSchedulingAfterEnoughSuccesses() {
    CronHarness h = everyMinute("stopStrategy:\n  expression: cronworkflow.succeeded >= 2");
    h.reconcileAt(T1);
    h.finish(run(T1), WorkflowPhase.SUCCEEDED);
    h.reconcileAt(T2);
    h.finish(run(T2), WorkflowPhase.SUCCEEDED);
    Result r = h.reconcile();
    assertThat(r).isEqualTo(Result.done());
    CronStatus s = h.status();
    assertThat(s.succeeded()).isEqualTo(2);
    assertThat(s.phase()).contains(CronPhase.STOPPED);
    assertThat(h.cron().metadata().labels()).containsEntry(CronLabels.COMPLETED, "true");
    h.reconcileAt(T3);
    h.reconcileAt("2024-01-01T10:04:00Z");
    assertThat(h.names()).containsExactly(run(T1), run(T2));
  }

  @Test
  void stopStrategyOnFailures() {
    CronHarness h = everyMinute("stopStrategy:\n  expression: cronworkflow.failed >= 1");
    h.reconcileAt(T1);
    h.finish(run(T1), WorkflowPhase.FAILED);
    h.reconcileAt(T2);
    assertThat(h.names()).containsExactly(run(T1));
    assertThat(h.status().phase()).contains(CronPhase.STOPPED);
  }

  @Test
  void historyLimitsDeleteTheOldestFinishedRuns() {
    CronHarness h =
        everyMinute("successfulJobsHistoryLimit: 2\nfailedJobsHistoryLimit: 1\nsuspend: false");
    String[] times = new String[6];
    for (int i = 0; i < 6; i++) {
      times[i] = "2024-01-01T10:0" + (i + 1) + ":00Z";
      h.reconcileAt(times[i]);
    }
    // finished in this order: 0 ok, 1 failed, 2 ok, 3 failed, 4 ok; 5 still running
    for (int i = 0; i < 5; i++) {
      h.clock.set("2024-01-01T10:06:3" + i + "Z");
      h.finish(run(times[i]), i % 2 == 0 ? WorkflowPhase.SUCCEEDED : WorkflowPhase.FAILED);
    }
    h.reconcile();
    assertThat(h.names())
        .containsExactly(run(times[2]), run(times[3]), run(times[4]), run(times[5]));
    CronStatus s = h.status();
    assertThat(s.succeeded()).isEqualTo(3);
    assertThat(s.failed()).isEqualTo(2);
    assertThat(s.active()).extracting(ActiveRef::name).containsExactly(run(times[5]));
  }

  @Test
  void defaultHistoryLimitsKeepThreeSucceededAndOneFailed() {
    CronHarness h = everyMinute("");
    String[] times = new String[6];
    for (int i = 0; i < 6; i++) {
      times[i] = "2024-01-01T10:0" + (i + 1) + ":00Z";
      h.reconcileAt(times[i]);
      h.finish(run(times[i]), i < 4 ? WorkflowPhase.SUCCEEDED : WorkflowPhase.FAILED);
    }
    h.reconcile();
    assertThat(h.names())
        .containsExactly(run(times[1]), run(times[2]), run(times[3]), run(times[5]));
  }
}
