package dev.weft.cli.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class HumanizeTest {
  private static final Instant NOW = Instant.parse("2024-01-24T10:00:00Z");

  @Test
  void shortDurationsReadLikeKubectlAges() {
    assertThat(Humanize.shortDuration(Duration.ofSeconds(42))).isEqualTo("42s");
    assertThat(Humanize.shortDuration(Duration.ofSeconds(310))).isEqualTo("5m10s");
    assertThat(Humanize.shortDuration(Duration.ofMinutes(45))).isEqualTo("45m");
    assertThat(Humanize.shortDuration(Duration.ofMinutes(330))).isEqualTo("5h30m");
    assertThat(Humanize.shortDuration(Duration.ofHours(40))).isEqualTo("40h");
    assertThat(Humanize.shortDuration(Duration.ofDays(12))).isEqualTo("12d");
  }

  @Test
  void durationsInWordsKeepTwoUnits() {
    assertThat(Humanize.duration(NOW.minusSeconds(76), NOW, NOW)).isEqualTo("1 minute 16 seconds");
    assertThat(Humanize.duration(NOW.minusSeconds(1), null, NOW)).isEqualTo("1 second");
  }

  @Test
  void relativeTimesSayAgoOrFromNow() {
    assertThat(Humanize.relative(NOW.minusSeconds(300), NOW)).isEqualTo("5 minutes ago");
    assertThat(Humanize.relative(NOW.plusSeconds(7200), NOW)).isEqualTo("2 hours from now");
    assertThat(Humanize.relative(NOW, NOW)).isEqualTo("now");
  }
}
