package dev.weft.controller.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.ObjectMeta;
import dev.weft.model.Workflow;
import dev.weft.model.status.WorkflowPhase;
import dev.weft.model.status.WorkflowStatus;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PhaseLabelsTest {
  private static Workflow withPhase(WorkflowPhase phase, Map<String, String> labels) {
    WorkflowStatus s =
        new WorkflowStatus(
            phase, null, null, null, null, Map.of(), null, null, null, null, null, null);
    return new Workflow(
        "argoproj.io/v1alpha1", "Workflow", ObjectMeta.named("wf").withLabels(labels), null, s);
  }

  @Test
  void aCompletedWorkflowIsLabelledCompletedWithItsPhaseKeepingUserLabels() {
    Workflow wf = withPhase(WorkflowPhase.FAILED, Map.of("team", "a"));

    Map<String, String> labels = PhaseLabels.update(wf).orElseThrow().metadata().labels();

    assertThat(labels)
        .containsEntry("team", "a")
        .containsEntry("workflows.argoproj.io/phase", "Failed")
        .containsEntry("workflows.argoproj.io/completed", "true");
  }

  @Test
  void upToDateLabelsNeedNoWrite() {
    Workflow wf =
        withPhase(
            WorkflowPhase.RUNNING,
            Map.of(
                "workflows.argoproj.io/phase",
                "Running",
                "workflows.argoproj.io/completed",
                "false"));

    assertThat(PhaseLabels.update(wf)).isEmpty();
  }
}
