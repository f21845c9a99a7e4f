package dev.weft.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.status.NodeType;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryTest {
  private static Simulation retried(String retryStrategy) {
    return Simulation.of(
        """
        spec:
          entrypoint: main
          templates:
          - name: main
            steps:
            - - {name: flaky, template: flaky}
          - name: flaky
            retryStrategy: %s
            container: {image: alpine}
        """
            .formatted(retryStrategy));
  }

  @Test
  void limitNGivesNPlusOneAttempts() {
    Simulation sim = retried("{limit: '2'}").pod("flaky", Pod.fail(1)).run();

    assertThat(sim.podsRun()).containsExactly("wf[0].flaky(0)", "wf[0].flaky(1)", "wf[0].flaky(2)");
    assertThat(sim.node("wf[0].flaky").type()).isEqualTo(NodeType.Retry);
    assertThat(sim.phaseOf("wf[0].flaky")).isEqualTo("Failed");
    assertThat(sim.messageOf("wf[0].flaky")).isEqualTo("No more retries left");
    assertThat(sim.workflowPhase()).isEqualTo("Failed");
  }

  @Test
  void limitMayBeWrittenAsAnInteger() {
    Simulation sim = retried("{limit: 1}").pod("flaky", Pod.fail(1)).run();

    assertThat(sim.podsRun()).containsExactly("wf[0].flaky(0)", "wf[0].flaky(1)");
  }

  @Test
  void attemptsAreChildrenOfTheRetryNode() {
    Simulation sim = retried("{limit: '1'}").pod("flaky", Pod.fail(1)).run();

    assertThat(sim.node("wf[0].flaky").children())
        .containsExactly(sim.node("wf[0].flaky(0)").id(), sim.node("wf[0].flaky(1)").id());
    assertThat(sim.node("wf[0].flaky(1)").displayName()).isEqualTo("flaky(1)");
  }

  @Test
  void successOnSecondAttemptSucceeds() {
    Simulation sim = retried("{limit: '3'}").pod("flaky", Pod.fail(1), Pod.ok("done")).run();

    assertThat(sim.podsRun()).containsExactly("wf[0].flaky(0)", "wf[0].flaky(1)");
    assertThat(sim.phaseOf("wf[0].flaky(0)")).isEqualTo("Failed");
    assertThat(sim.phaseOf("wf[0].flaky")).isEqualTo("Succeeded");
    assertThat(sim.node("wf[0].flaky").outputs().result()).isEqualTo("done");
    assertThat(sim.workflowPhase()).isEqualTo("Succeeded");
  }

  @ParameterizedTest(name = "policy {0}, attempt {1} -> {2} attempts")
  @CsvSource({
    "OnFailure, fail,  3",
    "OnFailure, error, 1",
    "OnError,   fail,  1",
    "OnError,   error, 3",
    "Always,    fail,  3",
    "Always,    error, 3",
  })
  void retryPolicyDecidesWhatIsRetried(String policy, String outcome, int attempts) {
    Simulation sim =
        retried("{limit: '2', retryPolicy: " + policy + "}")
            .pod("flaky", outcome.equals("fail") ? Pod.fail(1) : Pod.error("pod lost"))
            .run();

    assertThat(sim.podsRun()).hasSize(attempts);
    assertThat(sim.phaseOf("wf[0].flaky")).isEqualTo(outcome.equals("fail") ? "Failed" : "Error");
  }

  @Test
  void notRetriedFailureKeepsTheAttemptsMessage() {
    Simulation sim = retried("{limit: '2', retryPolicy: OnError}").pod("flaky", Pod.fail(1)).run();

    assertThat(sim.messageOf("wf[0].flaky")).isEqualTo("Error (exit code 1)");
  }

  @Test
  void backoffDelaysTheNextAttemptByDurationTimesFactorCappedAtCap() {
    Simulation sim =
        retried("{limit: '3', backoff: {duration: 10s, factor: '2', cap: 15s}}")
            .pod("flaky", Pod.fail(1))
            .run();

    // attempt 0 runs 0s..1s; waits 10s; attempt 1 runs 11s..12s; waits min(20s, 15s).
    assertThat(sim.podRuns())
        .extracting(r -> Duration.between(Simulation.T0, r.startedAt).toSeconds())
        .containsExactly(0L, 11L, 27L, 43L);
  }

  @Test
  void backoffAsksToBeWokenWhenTheWaitEnds() {
    Simulation sim =
        retried("{limit: '3', backoff: {duration: 10s}}")
            .pod("flaky", Pod.fail(1))
            .runUntil(s -> s.find("wf[0].flaky(0)").map(n -> n.phase().fulfilled()).orElse(false));

    assertThat(sim.last().wakeAt()).contains(Simulation.T0.plusSeconds(11));
    assertThat(sim.phaseOf("wf[0].flaky")).isEqualTo("Running");
  }

  @Test
  void backoffMessageSaysHowLongItWaits() {
    Simulation sim =
        retried("{limit: '3', backoff: {duration: 90s}}")
            .pod("flaky", Pod.fail(1))
            .runUntil(s -> s.find("wf[0].flaky(0)").map(n -> n.phase().fulfilled()).orElse(false));

    assertThat(sim.messageOf("wf[0].flaky")).isEqualTo("Backoff for 1 minute 30 seconds");
  }

  @Test
  void backoffMessageIsClearedWhenTheNextAttemptStarts() {
    Simulation sim =
        retried("{limit: '1', backoff: {duration: 10s}}")
            .pod("flaky", Pod.fail(1), Pod.hang())
            .runUntil(s -> s.podsRun().size() == 2);

    assertThat(sim.messageOf("wf[0].flaky")).isNull();
  }

  @Test
  void expressionStopsRetryingWhenFalse() {
    Simulation sim =
        retried("{limit: '5', expression: 'asInt(lastRetry.exitCode) == 2'}")
            .pod("flaky", Pod.fail(2), Pod.fail(2), Pod.fail(3))
            .run();

    assertThat(sim.podsRun()).hasSize(3);
    assertThat(sim.phaseOf("wf[0].flaky")).isEqualTo("Failed");
    assertThat(sim.messageOf("wf[0].flaky"))
        .isEqualTo("retryStrategy.expression evaluated to false");
  }

  @Test
  void expressionCanSeeTheLastStatus() {
    Simulation sim =
        retried("{limit: '2', expression: 'lastRetry.status == \"Error\"'}")
            .pod("flaky", Pod.fail(1))
            .run();

    assertThat(sim.podsRun()).hasSize(1);
  }

  @Test
  void retriesVariableCountsAttempts() {
    Simulation sim =
        Simulation.of(
                """
                spec:
                  entrypoint: main
                  templates:
                  - name: main
                    retryStrategy: {limit: '2'}
                    container: {image: alpine, args: ["try {{retries}}"]}
                """)
            .pod("main", Pod.fail(1))
            .run();

    assertThat(sim.podsRun()).containsExactly("wf(0)", "wf(1)", "wf(2)");
    assertThat(sim.argsOf("wf(2)")).containsExactly("try 2");
  }

  @Test
  void workflowLevelRetryStrategyAppliesToEveryTemplate() {
    Simulation sim =
        Simulation.of(
                """
                spec:
                  entrypoint: main
                  retryStrategy: {limit: '1'}
                  templates:
                  - name: main
                    container: {image: alpine}
                """)
            .pod("main", Pod.fail(1))
            .run();

    assertThat(sim.podsRun()).containsExactly("wf(0)", "wf(1)");
  }
}
