package dev.weft.lint;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.model.cron.CronSchedule;
import dev.weft.model.cron.CronSyntaxException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The linter checks schedules with the parser the CronWorkflow controller schedules with. */
class CronScheduleTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "* * * * *",
        "0 12 * * 1-5",
        "*/5 * * * *",
        "0 0 1,15 * SUN",
        "@hourly",
        "@every 90s",
        "TZ=UTC 0 0 * * *",
        "0 0 ? * *"
      })
  void acceptsWhatRobfigCronAccepts(String schedule) {
    assertThatCode(() -> CronSchedule.parse(schedule)).doesNotThrowAnyException();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "* * * *",
        "* * * * * *",
        "60 * * * *",
        "* 24 * * *",
        "* * 0 * *",
        "* * * 13 *",
        "* * * * 7",
        "*/0 * * * *",
        "5-1 * * * *",
        "@every soon",
        "CRON_TZ=Nowhere/Land * * * * *"
      })
  void rejectsInvalidSchedules(String schedule) {
    assertThatThrownBy(() -> CronSchedule.parse(schedule)).isInstanceOf(CronSyntaxException.class);
  }
}
