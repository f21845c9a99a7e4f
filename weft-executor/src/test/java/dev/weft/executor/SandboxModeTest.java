package dev.weft.executor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SandboxModeTest {
  @Test
  void detectionIsExplainedInOneLine() {
    SandboxMode.Probe probe = SandboxMode.probe();

    assertThat(probe.mode()).isEqualTo(SandboxMode.detect());
    assertThat(probe.message()).isNotBlank().doesNotContain("\n");
  }
}
