package dev.weft.controller.cron;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.CronWorkflow;
import dev.weft.model.Workflow;
import dev.weft.model.codec.Decoded;
import dev.weft.model.codec.ResourceDecoder;
import dev.weft.store.InMemoryStore;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The CronWorkflow examples of the Argo conformance suite are scheduled when Argo would. */
class CronExamplesTest {
  /** The shared directory (surefire sets weft.shared); the examples are in conformance/argo. */
  static final Path EXAMPLES =
      Path.of(System.getProperty("weft.shared", "../../shared"), "conformance/argo/examples");

  static CronWorkflow load(String file) {
    Path path = EXAMPLES.resolve(file);
    Decoded d = ResourceDecoder.decodeFile(path);
    assertThat(d.hasErrors()).as(d.diagnostics().toString()).isFalse();
    return (CronWorkflow) d.resources().get(0).value();
  }

  @ParameterizedTest(name = "{0} after {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        // every minute in America/Los_Angeles
        "cron-workflow.yaml                    | 2024-07-01T17:00:30Z | 2024-07-01T17:01:00Z",
        "cron-when.yaml                        | 2024-07-01T17:00:30Z | 2024-07-01T17:01:00Z",
        // '*/3 * * * 1-5' and '*/2 * * * *' in Los Angeles: Friday 23:59 PDT, then Saturday
        "cron-workflow-multiple-schedules.yaml | 2024-07-06T06:58:30Z | 2024-07-06T07:00:00Z",
        "cron-workflow-multiple-schedules.yaml | 2024-07-06T07:00:00Z | 2024-07-06T07:02:00Z",
        "cron-workflow-multiple-schedules.yaml | 2024-07-06T07:02:00Z | 2024-07-06T07:04:00Z",
        "cron-workflow-multiple-schedules.yaml | 2024-07-01T16:02:00Z | 2024-07-01T16:03:00Z",
        "cron-workflow-multiple-schedules.yaml | 2024-07-01T16:03:00Z | 2024-07-01T16:04:00Z",
        "cron-workflow-multiple-schedules.yaml | 2024-07-01T16:04:00Z | 2024-07-01T16:06:00Z",
      })
  void nextActivation(String file, String after, String expected) {
    CronWorkflow cron = load(file);
    ScheduleSet s = ScheduleSet.of(cron.spec(), ZoneId.of("UTC"));
    assertThat(s.next(Instant.parse(after))).contains(Instant.parse(expected));
  }

  @Test
  void theSchedulesAreSignedWithTheirTimezone() {
    CronWorkflow cron = load("cron-workflow-multiple-schedules.yaml");
    ScheduleSet s = ScheduleSet.of(cron.spec(), ZoneId.of("UTC"));
    assertThat(s.signature())
        .isEqualTo(
            "CRON_TZ=America/Los_Angeles */3 * * * 1-5,CRON_TZ=America/Los_Angeles */2 * * * *");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "cron-workflow.yaml, 2024-07-01T17:01:00Z",
    "cron-when.yaml, 2024-07-01T17:01:00Z",
    "cron-workflow-multiple-schedules.yaml, 2024-07-01T17:02:00Z"
  })
  void theReconcilerStartsTheFirstRun(String file, String first) {
    MutableClock clock = MutableClock.at("2024-07-01T17:00:30Z");
    InMemoryStore store =
        new InMemoryStore(InMemoryStore.DEFAULT_HISTORY_LIMIT, clock, new Random(1));
    CronWorkflow cron = store.create(load(file));
    CronKey key = new CronKey("default", cron.metadata().name());
    CronWorkflowReconciler r = new CronWorkflowReconciler(store, clock);
    r.reconcile(key);
    clock.set("2024-07-01T17:00:59Z");
    r.reconcile(key);
    assertThat(store.list(Workflow.class, "default", null)).isEmpty();
    clock.set(first);
    r.reconcile(key);
    assertThat(store.list(Workflow.class, "default", null))
        .extracting(Workflow::name)
        .containsExactly(cron.metadata().name() + "-" + Instant.parse(first).getEpochSecond());
  }
}
