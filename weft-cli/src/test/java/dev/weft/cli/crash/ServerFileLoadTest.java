package dev.weft.cli.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real `weft server -f FILE` refusing a file the API would refuse, before it serves. */
class ServerFileLoadTest {
  @TempDir Path home;

  @Test
  void aTemplateWithLintErrorsIsNotLoadedAndTheServerDoesNotStart() throws Exception {
    Path file =
        Files.writeString(
            home.resolve("templates.yaml"),
            """
            apiVersion: argoproj.io/v1alpha1
            kind: WorkflowTemplate
            metadata: {name: greet}
            spec:
              entrypoint: absent
              templates:
              - name: main
                container: {image: busybox, command: [echo, hi]}
            """);
    Path log = home.resolve("server.log");
    Process p =
        new ProcessBuilder(ServerProcess.command(home, 0, List.of("-f", file.toString())))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();

    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("exited").isTrue();
    String output = Files.readString(log);
    assertThat(p.exitValue()).as(output).isEqualTo(2);
    assertThat(output).contains("templates.yaml:5:", "absent").doesNotContain("\tat ");
    try (var store = dev.weft.store.Stores.open(home.resolve("weft.db").toString())) {
      assertThat(store.get(dev.weft.model.WorkflowTemplate.class, "default", "greet")).isEmpty();
    }
  }
}
