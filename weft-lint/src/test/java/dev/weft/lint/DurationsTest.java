package dev.weft.lint;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {
  @ParameterizedTest
  @ValueSource(strings = {"0", "10", "10s", "1m30s", "1.5h", "300ms", "2h45m", "-1s"})
  void acceptsGoDurationsAndSeconds(String text) {
    assertThat(Durations.isValid(text)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "s", "10 s", "1d", "1.5", "ten", "1m30"})
  void rejectsAnythingElse(String text) {
    assertThat(Durations.isValid(text)).isFalse();
  }
}
