package dev.weft.controller.pod;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.controller.LocalController;
import dev.weft.engine.Engine;
import dev.weft.model.Workflow;
import dev.weft.model.status.NodePhase;
import dev.weft.model.status.WorkflowPhase;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A command that cannot be executed fails its step, as a non-zero exit does in Argo. */
class CommandCannotRunTest {
  @TempDir Path dir;
  private LocalController plane;

  @AfterEach
  void stop() throws Exception {
    if (plane != null) plane.close();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"no-such-command-anywhere", "/etc/hostname", "/etc"})
  void aCommandThatCannotBeExecutedFailsTheStep(String command) throws Exception {
    Engine engine = new Engine();
    plane = new LocalController(dir, engine::reconcile);

    plane.store.create(
        LocalController.workflow(
            "cannot-start",
            """
            spec:
              entrypoint: main
              templates:
              - name: main
                container: {image: alpine, command: ["%s"]}
            """
                .formatted(command)));
    Workflow wf = plane.awaitCompleted("cannot-start");

    assertThat(wf.status().phase()).isEqualTo(WorkflowPhase.FAILED);
    var node = wf.status().nodes().get("cannot-start");
    assertThat(node.phase()).isEqualTo(NodePhase.FAILED);
    if (!command.startsWith("/")) {
      assertThat(node.message()).isEqualTo("main: executable file not found: \"" + command + "\"");
      assertThat(wf.status().message()).contains("executable file not found");
    }
  }
}
