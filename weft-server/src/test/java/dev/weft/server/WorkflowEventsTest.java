package dev.weft.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.Workflow;
import dev.weft.model.codec.Codec;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkflowEventsTest {
  private static Workflow wf(String phase, String nodePhase) throws IOException {
    return Codec.json()
        .readValue(
            """
            {"metadata": {"name": "w", "namespace": "ns"},
             "status": {"phase": "%s", "message": "boom",
               "nodes": {"w": {"id": "w", "name": "w", "type": "Pod", "phase": "%s"}}}}
            """
                .formatted(phase, nodePhase),
            Workflow.class);
  }

  private static List<String> reasons(List<WorkflowEvents.Derived> events) {
    return events.stream().map(WorkflowEvents.Derived::reason).toList();
  }

  @Test
  void aNodeGoneFromPendingToFinishedGetsARunningEventFirst() throws IOException {
    var events = WorkflowEvents.between(wf("Running", "Pending"), wf("Running", "Succeeded"));

    assertThat(reasons(events)).containsExactly("WorkflowNodeRunning", "WorkflowNodeSucceeded");
  }

  @Test
  void aFailedWorkflowIsAWarningWithItsMessage() throws IOException {
    var events = WorkflowEvents.between(wf("Running", "Running"), wf("Failed", "Failed"));

    assertThat(reasons(events)).containsExactly("WorkflowNodeFailed", "WorkflowFailed");
    assertThat(events.get(1).type()).isEqualTo("Warning");
    assertThat(events.get(1).message()).isEqualTo("boom");
  }

  @Test
  void nothingChangedRecordsNothing() throws IOException {
    assertThat(WorkflowEvents.between(wf("Running", "Running"), wf("Running", "Running")))
        .isEmpty();
  }
}
