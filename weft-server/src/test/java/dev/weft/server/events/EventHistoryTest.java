package dev.weft.server.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class EventHistoryTest {

  @Test
  void unsetVariablesGiveAHundredDeliveriesAndSeventyTwoHours() {
    assertThat(EventHistory.parse(null, " ")).isEqualTo(EventHistory.DEFAULT);
    assertThat(EventHistory.DEFAULT.dedupWindow()).isEqualTo(Duration.ofHours(72));
  }

  @Test
  void theWindowIsHoursOrAnIso8601Duration() {
    assertThat(EventHistory.parse("5", "24h")).isEqualTo(new EventHistory(5, Duration.ofHours(24)));
    assertThat(EventHistory.parse("5", "PT30M").dedupWindow()).isEqualTo(Duration.ofMinutes(30));
  }

  @Test
  void aBadSettingNamesTheVariables() {
    assertThatThrownBy(() -> EventHistory.parse("0", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("WEFT_EVENT_HISTORY_LIMIT");
    assertThatThrownBy(() -> EventHistory.parse("10", "soon"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("WEFT_EVENT_DEDUP_WINDOW");
  }
}
