package dev.weft.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CronWorkflowTest {
  @TempDir Path dir;

  /** A CronWorkflow with the given spec fields (from line 6) and a valid workflowSpec. */
  private Lint cron(String fields) {
    return Lint.in(dir)
        .file(
            "cron.yaml",
            """
            apiVersion: argoproj.io/v1alpha1
            kind: CronWorkflow
            metadata:
              name: c
            spec:
            %s
              workflowSpec:
                entrypoint: main
                templates:
                  - name: main
                    container: {image: alpine}
            """
                .formatted(fields.stripTrailing().indent(2).stripTrailing()));
  }

  @Test
  void aScheduleWithTooFewFieldsIsAnError() {
    assertThat(cron("schedule: \"* * *\"").errors())
        .containsExactly(
            "cron.yaml:6:19: error: spec.schedule: invalid schedule \"* * *\": expected exactly 5"
                + " fields (minute hour day-of-month month day-of-week), found 3");
  }

  @Test
  void aScheduleValueOutOfRangeIsAnError() {
    assertThat(cron("schedules: [\"0 * * * *\", \"61 * * * *\"]").errors())
        .containsExactly(
            "cron.yaml:6:29: error: spec.schedules[1]: invalid schedule \"61 * * * *\": minute:"
                + " end of range (61) above maximum (59): 61");
  }

  @Test
  void descriptorsAndTimeZonePrefixesAreValid() {
    var lint =
        cron(
            "schedules:\n  - \"@daily\"\n  - \"@every 1h30m\"\n  - \"CRON_TZ=Europe/Paris 30 2 * *"
                + " MON-FRI\"\n  - \"*/15 0-6,22 1 JAN *\"");
    assertThat(lint.all()).isEmpty();
  }

  @Test
  void anUnknownDescriptorIsAnError() {
    assertThat(cron("schedule: \"@fortnightly\"").errors())
        .containsExactly(
            "cron.yaml:6:14: error: spec.schedule: invalid schedule \"@fortnightly\": unknown"
                + " descriptor \"@fortnightly\" (expected one of @yearly, @annually, @monthly,"
                + " @weekly, @daily, @midnight, @hourly, @every <duration>)");
  }

  @Test
  void anUnknownTimezoneIsAnError() {
    assertThat(cron("schedule: \"0 0 * * *\"\ntimezone: Mars/Olympus").errors())
        .containsExactly("cron.yaml:7:3: error: spec.timezone: unknown time zone \"Mars/Olympus\"");
  }

  @Test
  void anUnknownConcurrencyPolicyIsAnError() {
    assertThat(cron("schedule: \"0 0 * * *\"\nconcurrencyPolicy: Sometimes").errors())
        .containsExactly(
            "cron.yaml:7:3: error: spec.concurrencyPolicy: unknown concurrencyPolicy \"Sometimes\""
                + " (expected one of Allow, Forbid, Replace)");
  }

  @Test
  void theWorkflowSpecIsCheckedLikeAWorkflow() {
    var lint =
        Lint.in(dir)
            .file(
                "cron.yaml",
                """
                apiVersion: argoproj.io/v1alpha1
                kind: CronWorkflow
                metadata:
                  name: c
                spec:
                  schedule: "0 0 * * *"
                  workflowSpec:
                    entrypoint: mian
                    templates:
                      - name: main
                        container: {image: alpine}
                """);
    assertThat(lint.errors())
        .containsExactly(
            "cron.yaml:8:5: error: spec.workflowSpec.entrypoint: no template named \"mian\"");
  }
}
