package dev.weft.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.status.NodePhase;
import dev.weft.model.status.NodeType;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SuspendTest {
  private static Simulation suspended(String suspend) {
    return Simulation.of(
        """
        spec:
          entrypoint: main
          templates:
          - name: main
            steps:
            - - {name: wait, template: wait}
            - - name: after
                template: show
                arguments:
                  parameters: [{name: v, value: "{{steps.wait.outputs.parameters.approve}}"}]
          - name: wait
            suspend: %s
            outputs:
              parameters:
              - name: approve
                valueFrom: {supplied: {}, default: "no"}
          - name: show
            inputs: {parameters: [{name: v}]}
            container: {image: alpine, args: ["{{inputs.parameters.v}}"]}
        """
            .formatted(suspend));
  }

  @Test
  void suspendWithDurationAsksToBeWokenAtItsEnd() {
    Simulation sim = suspended("{duration: 20s}");

    Reconciliation first = sim.step();

    assertThat(first.wakeAt()).contains(Simulation.T0.plusSeconds(20));
    assertThat(sim.node("wf[0].wait").type()).isEqualTo(NodeType.Suspend);
    assertThat(sim.phaseOf("wf[0].wait")).isEqualTo("Running");
  }

  @Test
  void suspendWithDurationSucceedsOnceItPassed() {
    Simulation sim = suspended("{duration: 20s}").run();

    assertThat(sim.phaseOf("wf[0].wait")).isEqualTo("Succeeded");
    assertThat(sim.podOf("after").startedAt).isAfterOrEqualTo(Simulation.T0.plusSeconds(20));
    assertThat(sim.workflowPhase()).isEqualTo("Succeeded");
  }

  @Test
  void suspendWithoutDurationWaitsForResume() {
    Simulation sim = suspended("{}").run();

    assertThat(sim.phaseOf("wf[0].wait")).isEqualTo("Running");
    assertThat(sim.workflowPhase()).isEqualTo("Running");
    assertThat(sim.last().wakeAt()).isEmpty();
    assertThat(sim.podsRun()).isEmpty();
  }

  @Test
  void resumeLetsTheWorkflowContinue() {
    Simulation sim = suspended("{}").run();

    sim.resume(null, Map.of()).run();

    assertThat(sim.phaseOf("wf[0].wait")).isEqualTo("Succeeded");
    assertThat(sim.workflowPhase()).isEqualTo("Succeeded");
  }

  @Test
  void resumeByNodeNameResumesThatNode() {
    Simulation sim = suspended("{}").run();

    sim.resume("wf[0].wait", Map.of()).run();

    assertThat(sim.workflowPhase()).isEqualTo("Succeeded");
  }

  @Test
  void resumeOfAnotherNodeLeavesItSuspended() {
    Simulation sim = suspended("{}").run();

    sim.resume("wf[0].other", Map.of()).run();

    assertThat(sim.phaseOf("wf[0].wait")).isEqualTo("Running");
  }

  @Test
  void resumeSuppliesOutputParameters() {
    Simulation sim = suspended("{}").run();

    sim.resume(null, Map.of("approve", "yes")).run();

    assertThat(sim.argsOf("after")).containsExactly("yes");
  }

  @Test
  void setWithoutAPhaseRecordsOutputsAndTheNodeKeepsWaiting() {
    Simulation sim = suspended("{}").run();

    sim.set(null, null, "noted", Map.of("approve", "later")).run();

    assertThat(sim.phaseOf("wait")).isEqualTo("Running");
    assertThat(sim.messageOf("wait")).isEqualTo("noted");
    sim.resume(null, Map.of()).run();
    assertThat(sim.argsOf("after")).containsExactly("later");
  }

  @Test
  void setFailedFailsTheSuspendNodeWithItsMessage() {
    Simulation sim = suspended("{}").run();

    sim.set(null, NodePhase.FAILED, "rejected", Map.of()).run();

    assertThat(sim.phaseOf("wait")).isEqualTo("Failed");
    assertThat(sim.messageOf("wait")).isEqualTo("rejected");
    assertThat(sim.workflowPhase()).isEqualTo("Failed");
  }

  @Test
  void setFailedThenResumeInOneReconcileEndsFailed() {
    Simulation sim = suspended("{}").run();

    sim.set(null, NodePhase.FAILED, "rejected", Map.of()).resume(null, Map.of()).run();

    assertThat(sim.phaseOf("wait")).isEqualTo("Failed");
    assertThat(sim.messageOf("wait")).isEqualTo("rejected");
  }

  @Test
  void setWithoutAPhaseThenResumeInOneReconcileKeepsWhatWasSet() {
    Simulation sim = suspended("{}").run();

    sim.set(null, null, "noted", Map.of("approve", "later")).resume(null, Map.of()).run();

    assertThat(sim.phaseOf("wait")).isEqualTo("Succeeded");
    assertThat(sim.argsOf("after")).containsExactly("later");
  }

  @Test
  void suppliedParameterFallsBackToItsDefault() {
    Simulation sim = suspended("{}").run();

    sim.resume(null, Map.of()).run();

    assertThat(sim.argsOf("after")).containsExactly("no");
  }

  @Test
  void specSuspendHoldsTheWholeWorkflow() {
    Simulation sim = suspended("{duration: 1s}").spec("suspend", true).run();

    assertThat(sim.podsRun()).isEmpty();
    assertThat(sim.workflowPhase()).isEqualTo("Running");
  }

  @Test
  void clearingSpecSuspendStartsTheWorkflow() {
    Simulation sim = suspended("{duration: 1s}").spec("suspend", true).run();

    sim.spec("suspend", null).run();

    assertThat(sim.workflowPhase()).isEqualTo("Succeeded");
  }
}
