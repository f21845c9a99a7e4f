package dev.weft.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.executor.SandboxMode;
import dev.weft.model.Workflow;
import dev.weft.model.status.NodeStatus;
import dev.weft.model.status.NodeType;
import dev.weft.model.status.WorkflowPhase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `weft run`'s default parallelism: a wide fan-out does not start all its sandboxes at once. */
class LocalParallelismTest {
  @TempDir Path dir;

  private static final String FAN_OUT =
      """
      spec:
        entrypoint: main
        templates:
        - name: main
          steps:
          - - {name: each, template: nap, withSequence: {count: "12"}}
        - name: nap
          container: {image: alpine, command: [sh, -c, "sleep 0.2"]}
      """;

  /** The most pods whose recorded run times overlap. */
  private static int mostAtOnce(Workflow wf) {
    List<NodeStatus> pods =
        wf.status().nodes().values().stream().filter(n -> n.type() == NodeType.Pod).toList();
    int most = 0;
    for (NodeStatus a : pods) {
      int at = 0;
      for (NodeStatus b : pods) {
        if (!b.startedAt().isAfter(a.startedAt()) && b.finishedAt().isAfter(a.startedAt())) at++;
      }
      most = Math.max(most, at);
    }
    return most;
  }

  private Workflow run(ControlPlane plane) throws InterruptedException {
    plane.submit(LocalController.workflow("fan", FAN_OUT));
    for (int i = 0; i < 600; i++) {
      Workflow wf = plane.store().get(Workflow.class, "default", "fan").orElseThrow();
      if (wf.completed()) return wf;
      Thread.sleep(50);
    }
    throw new AssertionError("fan did not complete");
  }

  @Test
  void aWorkflowWithoutParallelismRunsAtMostTheDefaultAtOnce() throws Exception {
    try (ControlPlane plane = ControlPlane.local(dir, SandboxMode.probe(), 3)) {
      Workflow wf = run(plane);

      assertThat(wf.status().phase()).isEqualTo(WorkflowPhase.SUCCEEDED);
      assertThat(mostAtOnce(wf)).isBetween(1, 3);
    }
  }

  @Test
  void limitsFromTheEnvironmentAreWholeNumbersAndBadValuesAreRefused() {
    assertThat(EngineLimits.count("WEFT_PARALLELISM", null, 32, 0)).isEqualTo(32);
    assertThat(EngineLimits.count("WEFT_PARALLELISM", " 8 ", 32, 0)).isEqualTo(8);
    assertThat(EngineLimits.count("WEFT_PARALLELISM", "0", 32, 0)).isZero();
    assertThatThrownBy(() -> EngineLimits.count("WEFT_PARALLELISM", "-1", 32, 0))
        .hasMessage(
            "WEFT_PARALLELISM must be a whole number of at least 0 (0 for no limit); got \"-1\"");
    assertThatThrownBy(() -> EngineLimits.count("WEFT_MAX_NODES", "lots", 20000, 1))
        .hasMessage("WEFT_MAX_NODES must be a whole number of at least 1; got \"lots\"");
  }
}
