package dev.weft.controller.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.Workflow;
import dev.weft.model.codec.Codec;
import org.junit.jupiter.api.Test;

class WorkflowThrottleTest {
  private static Workflow workflow(String name, boolean started) throws Exception {
    return Codec.yaml()
        .readValue(
            "metadata: {name: "
                + name
                + ", namespace: default}\nspec: {entrypoint: main}\n"
                + (started ? "status: {phase: Running, startedAt: '2026-01-01T00:00:00Z'}\n" : ""),
            Workflow.class);
  }

  private static WorkflowKey key(String name) {
    return new WorkflowKey("default", name);
  }

  @Test
  void newWorkflowsBeyondTheLimitWaitUntilOneEnds() throws Exception {
    WorkflowThrottle t = new WorkflowThrottle(1);
    assertThat(t.admit(key("a"), workflow("a", false))).isTrue();
    assertThat(t.admit(key("b"), workflow("b", false))).isFalse();
    t.release(key("a"));
    assertThat(t.admit(key("b"), workflow("b", false))).isTrue();
  }

  @Test
  void aStartedWorkflowAlwaysContinues() throws Exception {
    WorkflowThrottle t = new WorkflowThrottle(1);
    assertThat(t.admit(key("a"), workflow("a", false))).isTrue();
    assertThat(t.admit(key("b"), workflow("b", true))).isTrue();
    assertThat(t.admit(key("a"), workflow("a", false))).isTrue();
  }

  @Test
  void zeroMeansNoLimit() throws Exception {
    WorkflowThrottle t = WorkflowThrottle.NONE;
    for (int i = 0; i < 100; i++)
      assertThat(t.admit(key("w" + i), workflow("w" + i, false))).isTrue();
  }
}
