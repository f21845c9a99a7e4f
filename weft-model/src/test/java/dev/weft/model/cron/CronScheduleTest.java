package dev.weft.model.cron;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CronScheduleTest {

  /** The first {@code count} activations after {@code after}, as ISO offset date-times. */
  static List<String> next(String spec, String after, String zone, int count) {
    CronSchedule s = CronSchedule.parse(spec);
    ZonedDateTime t = ZonedDateTime.parse(after).withZoneSameInstant(ZoneId.of(zone));
    List<String> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      t = s.next(t).orElseThrow();
      out.add(t.toOffsetDateTime().toString());
    }
    return out;
  }

  @ParameterizedTest(name = "{0} after {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "* * * * *          | 2024-01-01T10:00:30Z | 2024-01-01T10:01Z 2024-01-01T10:02Z",
        "* * * * *          | 2024-01-01T10:01:00Z | 2024-01-01T10:02Z 2024-01-01T10:03Z",
        "*/15 * * * *       | 2024-01-01T10:07:00Z | 2024-01-01T10:15Z 2024-01-01T10:30Z",
        "5/20 * * * *       | 2024-01-01T10:07:00Z | 2024-01-01T10:25Z 2024-01-01T10:45Z",
        "0,30 8-9 * * *     | 2024-01-01T08:45:00Z | 2024-01-01T09:00Z 2024-01-01T09:30Z",
        "10-20/5 3 * * *    | 2024-01-01T03:12:00Z | 2024-01-01T03:15Z 2024-01-01T03:20Z",
        "0 9 * * MON-FRI    | 2024-01-05T10:00:00Z | 2024-01-08T09:00Z 2024-01-09T09:00Z",
        "0 9 * * sat,SUN    | 2024-01-01T00:00:00Z | 2024-01-06T09:00Z 2024-01-07T09:00Z",
        "0 0 1 JAN *        | 2024-03-01T00:00:00Z | 2025-01-01T00:00Z 2026-01-01T00:00Z",
        "0 0 1 jan-feb ?    | 2024-01-15T00:00:00Z | 2024-02-01T00:00Z 2025-01-01T00:00Z",
        "0 0 29 2 *         | 2024-03-01T00:00:00Z | 2028-02-29T00:00Z 2032-02-29T00:00Z",
        "0 0 31 * *         | 2024-04-01T00:00:00Z | 2024-05-31T00:00Z 2024-07-31T00:00Z",
        // day-of-month and day-of-week both restricted: either matches (13th or a Friday)
        "0 0 13 * 5         | 2024-10-11T12:00:00Z | 2024-10-13T00:00Z 2024-10-18T00:00Z",
        // day-of-week restricted, day-of-month '*': both must match (Fridays only)
        "0 0 * * 5          | 2024-09-07T00:00:00Z | 2024-09-13T00:00Z 2024-09-20T00:00Z",
        // '*/2' is no longer '*' for robfig: either field matches (odd days or Fridays)
        "0 0 */2 * 5        | 2024-09-01T12:00:00Z | 2024-09-03T00:00Z 2024-09-05T00:00Z",
        "0 0 */1 * 5        | 2024-09-07T00:00:00Z | 2024-09-13T00:00Z 2024-09-20T00:00Z",
        "@yearly            | 2024-06-01T00:00:00Z | 2025-01-01T00:00Z 2026-01-01T00:00Z",
        "@annually          | 2024-06-01T00:00:00Z | 2025-01-01T00:00Z 2026-01-01T00:00Z",
        "@monthly           | 2024-06-15T00:00:00Z | 2024-07-01T00:00Z 2024-08-01T00:00Z",
        "@weekly            | 2024-06-05T00:00:00Z | 2024-06-09T00:00Z 2024-06-16T00:00Z",
        "@daily             | 2024-06-05T13:00:00Z | 2024-06-06T00:00Z 2024-06-07T00:00Z",
        "@midnight          | 2024-06-05T13:00:00Z | 2024-06-06T00:00Z 2024-06-07T00:00Z",
        "@hourly            | 2024-06-05T13:00:00Z | 2024-06-05T14:00Z 2024-06-05T15:00Z",
        "@every 90s         | 2024-06-05T13:00:00.250Z | 2024-06-05T13:01:30Z 2024-06-05T13:03Z",
        "@every 1h30m       | 2024-06-05T13:00:00Z | 2024-06-05T14:30Z 2024-06-05T16:00Z",
        "@every 500ms       | 2024-06-05T13:00:00Z | 2024-06-05T13:00:01Z 2024-06-05T13:00:02Z",
        "CRON_TZ=Asia/Tokyo 0 9 * * * | 2024-06-05T01:00:00Z | 2024-06-06T09:00+09:00 2024-06-07T09:00+09:00",
        "TZ=Asia/Kolkata 30 9 * * *   | 2024-06-05T00:00:00Z | 2024-06-05T09:30+05:30 2024-06-06T09:30+05:30",
        "CRON_TZ=UTC @daily           | 2024-06-05T13:00:00Z | 2024-06-06T00:00Z 2024-06-07T00:00Z",
      })
  void nextActivations(String spec, String after, String expected) {
    assertThat(next(spec, after, "UTC", 2)).containsExactly(expected.split(" "));
  }

  /** The table of docs/cron-workflows.md ("Daylight Saving"), America/Los_Angeles, 2020. */
  @ParameterizedTest(name = "{0} after {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "59 1 * * * | 2020-03-08T00:00-08:00 | 2020-03-08T01:59-08:00 2020-03-09T01:59-07:00"
            + " 2020-03-10T01:59-07:00",
        "0 2 * * *  | 2020-03-08T00:00-08:00 | 2020-03-09T02:00-07:00 2020-03-10T02:00-07:00"
            + " 2020-03-11T02:00-07:00",
        "1 2 * * *  | 2020-03-08T00:00-08:00 | 2020-03-09T02:01-07:00 2020-03-10T02:01-07:00"
            + " 2020-03-11T02:01-07:00",
        "59 1 * * * | 2020-11-01T00:00-07:00 | 2020-11-01T01:59-07:00 2020-11-01T01:59-08:00"
            + " 2020-11-02T01:59-08:00",
        "0 2 * * *  | 2020-11-01T00:00-07:00 | 2020-11-01T02:00-08:00 2020-11-02T02:00-08:00"
            + " 2020-11-03T02:00-08:00",
        "1 2 * * *  | 2020-11-01T00:00-07:00 | 2020-11-01T02:01-08:00 2020-11-02T02:01-08:00"
            + " 2020-11-03T02:01-08:00",
      })
  void daylightSavingAsArgoDocuments(String spec, String after, String expected) {
    assertThat(next(spec, after, "America/Los_Angeles", 3)).containsExactly(expected.split(" "));
  }

  @ParameterizedTest(name = "{0} in {1} after {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        // New York springs forward at 02:00 on 2021-03-14: 02:30 does not exist that day
        "30 2 * * * | America/New_York | 2021-03-13T03:00-05:00 | 2021-03-15T02:30-04:00",
        "* * * * *  | America/New_York | 2021-03-14T01:59-05:00 | 2021-03-14T03:00-04:00",
        "0 * * * *  | America/New_York | 2021-03-14T01:00-05:00 | 2021-03-14T03:00-04:00",
        // ... and falls back at 02:00 on 2021-11-07: 01:30 happens twice, both run
        "30 1 * * * | America/New_York | 2021-11-06T12:00-04:00 | 2021-11-07T01:30-04:00",
        "30 1 * * * | America/New_York | 2021-11-07T01:30-04:00 | 2021-11-07T01:30-05:00",
        "30 1 * * * | America/New_York | 2021-11-07T01:30-05:00 | 2021-11-08T01:30-05:00",
        "0 * * * *  | America/New_York | 2021-11-07T01:00-04:00 | 2021-11-07T01:00-05:00",
        // London springs forward at 01:00 GMT on 2021-03-28 and falls back at 02:00 BST on 10-31
        "30 1 * * * | Europe/London    | 2021-03-27T12:00Z      | 2021-03-29T01:30+01:00",
        "0 2 * * *  | Europe/London    | 2021-03-27T12:00Z      | 2021-03-28T02:00+01:00",
        "30 1 * * * | Europe/London    | 2021-10-30T12:00+01:00 | 2021-10-31T01:30+01:00",
        "30 1 * * * | Europe/London    | 2021-10-31T01:30+01:00 | 2021-10-31T01:30Z",
        "30 1 * * * | Europe/London    | 2021-10-31T01:30Z      | 2021-11-01T01:30Z",
        "@daily     | Europe/London    | 2021-03-27T12:00Z      | 2021-03-28T00:00Z",
      })
  void daylightSaving(String spec, String zone, String after, String expected) {
    assertThat(next(spec, after, zone, 1)).containsExactly(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "0 0 30 2 *",
        "0 0 31 4,6,9,11 *",
      })
  void neverActivates(String spec) {
    assertThat(CronSchedule.parse(spec).next(ZonedDateTime.parse("2024-01-01T00:00Z"))).isEmpty();
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "''                      | 1  | empty spec string",
        "* * * *                 | 8  | expected exactly 5 fields",
        "* * * * * *             | 11 | expected exactly 5 fields",
        "60 * * * *              | 1  | minute: end of range (60) above maximum (59): 60",
        "* 24 * * *              | 3  | hour: end of range (24) above maximum (23): 24",
        "* * 0 * *               | 5  | day of month: beginning of range (0) below minimum (1): 0",
        "* * * 13 *              | 7  | month: end of range (13) above maximum (12): 13",
        "* * * * 7               | 9  | day of week: end of range (7) above maximum (6): 7",
        "* * * * MON-FOO         | 9  | day of week: failed to parse int from FOO",
        "0,5,x * * * *           | 5  | minute: failed to parse int from x",
        "*/0 * * * *             | 1  | minute: step of range should be a positive number: */0",
        "1-2-3 * * * *           | 1  | minute: too many hyphens: 1-2-3",
        "1/2/3 * * * *           | 1  | minute: too many slashes: 1/2/3",
        "5-1 * * * *             | 1  | minute: beginning of range (5) beyond end of range (1): 5-1",
        "* * * * -1              | 9  | day of week: failed to parse int from ",
        "@fortnightly            | 1  | unknown descriptor \"@fortnightly\"",
        "@every 1x               | 8  | failed to parse duration @every 1x: time: unknown unit",
        "@every                  | 1  | unknown descriptor \"@every\"",
        "CRON_TZ=Mars/Base * * * * * | 9 | provided bad location Mars/Base",
        "CRON_TZ=UTC             | 1  | a time zone prefix must be followed by a schedule",
        "TZ=UTC 1 2 3            | 13 | expected exactly 5 fields",
      })
  void parseErrorsNameTheColumn(String spec, int column, String reason) {
    assertThatThrownBy(() -> CronSchedule.parse(spec))
        .isInstanceOfSatisfying(
            CronSyntaxException.class,
            e -> {
              assertThat(e.column()).isEqualTo(column);
              assertThat(e.reason()).startsWith(reason);
              assertThat(e.getMessage()).startsWith("column " + column + ": ");
            });
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "0        | PT0S",
        "90s      | PT1M30S",
        "1h30m    | PT1H30M",
        "1.5h     | PT1H30M",
        ".5m      | PT30S",
        "-2m      | PT-2M",
        "300ms    | PT0.3S",
        "1us1ns   | PT0.000001001S",
      })
  void goDurations(String text, String expected) {
    assertThat(GoDuration.parse(text)).isEqualTo(Duration.parse(expected));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource({"''", "1", "h", "1.2.3s", "1d", "+"})
  void badGoDurations(String text) {
    assertThatThrownBy(() -> GoDuration.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("time: ");
  }
}
