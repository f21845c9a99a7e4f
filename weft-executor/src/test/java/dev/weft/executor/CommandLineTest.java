package dev.weft.executor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommandLineTest {
  private static final ImageProfile ARGOSAY =
      new ImageProfile("argosay", List.of("argosay"), Map.of(), Map.of());

  @Test
  void noCommandRunsTheProfileEntrypointWithTheArgs() {
    ContainerSpec spec = ContainerSpec.of("c", "argoproj/argosay:v2", List.of(), List.of("echo"));

    assertThat(CommandLine.argv(spec, ARGOSAY, Map.of(), "/s")).containsExactly("argosay", "echo");
  }

  @Test
  void scriptPathIsAppendedAfterTheArgs() {
    ContainerSpec spec =
        ContainerSpec.of("c", "python", List.of("python"), List.of("-u")).withScript("print(1)");

    assertThat(CommandLine.argv(spec, ARGOSAY, Map.of(), "/argo/staging/script"))
        .containsExactly("python", "-u", "/argo/staging/script");
  }

  @Test
  void unknownEnvReferencesAreLeftAsWritten() {
    assertThat(CommandLine.expand("$(NOPE) $(X)", Map.of("X", "1"))).isEqualTo("$(NOPE) 1");
  }
}
