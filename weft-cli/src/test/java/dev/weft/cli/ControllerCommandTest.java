package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ControllerCommandTest {
  @Test
  void helpNamesEveryFlagAKubernetesUserSets() {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);
    int code = Main.execute(new String[] {"controller", "--help"}, out, out);
    String help = buffer.toString(StandardCharsets.UTF_8);
    assertThat(code).isZero();
    assertThat(help)
        .contains("--namespaced")
        .contains("--managed-namespace")
        .contains("--instance-id")
        .contains("--executor-image")
        .contains("--configmap")
        .contains("--workflow-workers")
        .contains("--qps")
        .contains("--burst")
        .contains("LEADER_ELECTION_DISABLE");
  }

  @Test
  void aBadWorkerCountIsAClearErrorNotAStackTrace() {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);
    int code = Main.execute(new String[] {"controller", "--workflow-workers", "0"}, out, out);
    assertThat(code).isNotZero();
    assertThat(buffer.toString(StandardCharsets.UTF_8))
        .contains("--workflow-workers must be at least 1")
        .doesNotContain("\tat ");
  }
}
