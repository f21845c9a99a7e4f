package dev.weft.engine.rerun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.engine.Pod;
import dev.weft.engine.Simulation;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetryTest {
  private static final String WF =
      """
      spec:
        entrypoint: main
        onExit: bye
        arguments: {parameters: [{name: who, value: world}]}
        templates:
        - name: main
          steps:
          - - {name: a, template: work}
          - - {name: b, template: work}
        - name: work
          container: {image: alpine, command: [echo, "{{workflow.parameters.who}}"]}
        - name: bye
          container: {image: alpine, command: [echo, bye]}
      """;

  private static Simulation failedAtB() {
    Simulation sim = Simulation.of(WF).pod("b", Pod.fail(1), Pod.ok()).run();
    assertThat(sim.workflowPhase()).isEqualTo("Failed");
    return sim;
  }

  @Test
  void aRetriedWorkflowRunsOnlyWhatFailedAndTheExitHandlerAgain() {
    Simulation sim = failedAtB();

    sim.replace(wf -> Retry.of(wf, false, n -> false, Map.of()).workflow()).run();

    assertThat(sim.workflowPhase()).isEqualTo("Succeeded");
    assertThat(sim.podsRun())
        .containsExactly("wf[0].a", "wf[1].b", "wf.onExit", "wf[1].b", "wf.onExit");
  }

  @Test
  void retryNamesThePodsWhoseFilesMustGoBeforeTheirNamesAreReused() {
    Simulation sim = failedAtB();

    Retry.Result r = Retry.of(sim.workflow(), false, n -> false, Map.of());

    assertThat(r.podsToDelete())
        .containsExactlyInAnyOrder(sim.node("b").podName(), sim.node("wf.onExit").podName());
    assertThat(r.workflow().status().nodesOrEmpty().values())
        .extracting(n -> n.displayName())
        .containsExactlyInAnyOrder("[0]", "a");
  }

  @Test
  void eachRetryIsCountedInWeftsRetriesAnnotation() {
    Simulation sim = failedAtB();

    var once = Retry.of(sim.workflow(), false, n -> false, Map.of()).workflow();
    var failedAgain = once.withStatus(sim.workflow().status());
    var twice = Retry.of(failedAgain, false, n -> false, Map.of()).workflow();

    assertThat(once.metadata().annotationsOrEmpty()).containsEntry(Retry.RETRIES_ANNOTATION, "1");
    assertThat(twice.metadata().annotationsOrEmpty()).containsEntry(Retry.RETRIES_ANNOTATION, "2");
  }

  @Test
  void restartSuccessfulRunsTheSelectedSucceededNodesToo() {
    Simulation sim = failedAtB();

    sim.replace(wf -> Retry.of(wf, true, n -> "a".equals(n.displayName()), Map.of()).workflow())
        .run();

    assertThat(sim.podsRun()).filteredOn("wf[0].a"::equals).hasSize(2);
    assertThat(sim.workflowPhase()).isEqualTo("Succeeded");
  }

  @Test
  void retryOverridesParameters() {
    Simulation sim = failedAtB();

    sim.replace(wf -> Retry.of(wf, false, n -> false, Map.of("who", "weft")).workflow()).run();

    assertThat(sim.podOf("b").template().container().command()).containsExactly("echo", "weft");
  }

  @Test
  void aSucceededWorkflowCannotBeRetriedWithoutRestartSuccessful() {
    Simulation sim = Simulation.of(WF).run();

    assertThatThrownBy(() -> Retry.of(sim.workflow(), false, n -> false, Map.of()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("must be Failed/Error to retry");
  }
}
