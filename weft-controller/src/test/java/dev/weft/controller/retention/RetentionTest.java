package dev.weft.controller.retention;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.ObjectMeta;
import dev.weft.model.Workflow;
import dev.weft.model.codec.Codec;
import dev.weft.model.spec.WorkflowSpec;
import dev.weft.model.status.NodePhase;
import dev.weft.model.status.NodeStatus;
import dev.weft.model.status.NodeType;
import dev.weft.model.status.WorkflowPhase;
import dev.weft.model.status.WorkflowStatus;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** ttlStrategy and podGC decided from the workflow and the time, as tables. */
class RetentionTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private static NodeStatus pod(String name, NodePhase phase) {
    return NodeStatus.builder(name, name, NodeType.Pod)
        .phase(phase)
        .podName("pod-" + name)
        .finishedAt(phase.fulfilled() ? T0 : null)
        .build();
  }

  private static Workflow wf(String specYaml, WorkflowPhase phase, NodeStatus... nodes) {
    Map<String, NodeStatus> map = new LinkedHashMap<>();
    for (NodeStatus n : nodes) map.put(n.id(), n);
    WorkflowSpec spec;
    try {
      spec = Codec.yaml().readValue("entrypoint: main\n" + specYaml, WorkflowSpec.class);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    Instant finished = phase.completed() ? T0 : null;
    WorkflowStatus s =
        new WorkflowStatus(
            phase, T0, finished, null, null, map, null, null, null, null, null, null);
    return new Workflow("argoproj.io/v1alpha1", "Workflow", ObjectMeta.named("wf"), spec, s);
  }

  @Test
  void withoutStrategiesNothingIsRemoved() {
    var d =
        Retention.decide(
            wf("", WorkflowPhase.SUCCEEDED, pod("a", NodePhase.SUCCEEDED)),
            null,
            T0.plusSeconds(9999));

    assertThat(d.podsToRemove()).isEmpty();
    assertThat(d.deleteWorkflow()).isFalse();
    assertThat(d.wakeAt()).isEmpty();
  }

  @Test
  void ttlAfterCompletionDeletesOnceItPassedAndWakesUntilThen() {
    Workflow w = wf("ttlStrategy: {secondsAfterCompletion: 60}", WorkflowPhase.FAILED);

    assertThat(Retention.decide(w, null, T0.plusSeconds(10)).wakeAt()).contains(T0.plusSeconds(60));
    assertThat(Retention.decide(w, null, T0.plusSeconds(60)).deleteWorkflow()).isTrue();
  }

  @Test
  void ttlAfterSuccessTakesPrecedenceForASucceededWorkflow() {
    Workflow w =
        wf(
            "ttlStrategy: {secondsAfterCompletion: 600, secondsAfterSuccess: 5}",
            WorkflowPhase.SUCCEEDED);

    assertThat(Retention.decide(w, null, T0.plusSeconds(5)).deleteWorkflow()).isTrue();
  }

  @Test
  void onPodSuccessRemovesOnlySucceededPodsWhileTheWorkflowRuns() {
    Workflow w =
        wf(
            "podGC: {strategy: OnPodSuccess}",
            WorkflowPhase.RUNNING,
            pod("a", NodePhase.SUCCEEDED),
            pod("b", NodePhase.FAILED),
            pod("c", NodePhase.RUNNING));

    assertThat(Retention.decide(w, null, T0).podsToRemove()).containsExactly("pod-a");
  }

  @Test
  void onWorkflowSuccessKeepsThePodsOfAFailedWorkflow() {
    Workflow w =
        wf(
            "podGC: {strategy: OnWorkflowSuccess}",
            WorkflowPhase.FAILED,
            pod("a", NodePhase.SUCCEEDED));

    assertThat(Retention.decide(w, null, T0).podsToRemove()).isEmpty();
  }

  @Test
  void onWorkflowCompletionRemovesEveryPodAfterTheDelay() {
    Workflow w =
        wf(
            "podGC: {strategy: OnWorkflowCompletion, deleteDelayDuration: 30s}",
            WorkflowPhase.FAILED,
            pod("a", NodePhase.SUCCEEDED),
            pod("b", NodePhase.FAILED));

    assertThat(Retention.decide(w, null, T0.plusSeconds(1)).wakeAt()).contains(T0.plusSeconds(30));
    assertThat(Retention.decide(w, null, T0.plusSeconds(30)).podsToRemove())
        .containsExactly("pod-a", "pod-b");
  }
}
