package dev.weft.engine.run;

import dev.weft.engine.event.Event;
import dev.weft.model.spec.Outputs;
import dev.weft.model.spec.Parameter;
import dev.weft.model.status.NodePhase;
import dev.weft.model.status.NodeStatus;

/** Turns what the executor observed of a pod into its node's phase, message and outputs. */
public final class PodResults {
  private PodResults() {}

  public static void started(Run run, Event.PodStarted e) {
    NodeStatus node = run.nodes().byId(e.nodeId());
    if (node == null || node.phase() != NodePhase.PENDING) return;
    run.nodes().update(node.id(), n -> n.toBuilder().phase(NodePhase.RUNNING).build());
  }

  public static void finished(Run run, Event.PodFinished e) {
    NodeStatus node = run.nodes().byId(e.nodeId());
    if (node == null || node.phase().fulfilled()) return;
    NodePhase phase;
    String message;
    if (e.error().isPresent()) {
      phase = NodePhase.ERROR;
      message = e.error().get();
    } else if (e.exitCode() != 0) {
      phase = NodePhase.FAILED;
      message = e.failure() != null ? e.failure() : "Error (exit code " + e.exitCode() + ")";
    } else {
      phase = NodePhase.SUCCEEDED;
      message = null;
    }
    Outputs out = e.outputs();
    run.nodes()
        .update(
            node.id(),
            n ->
                n.toBuilder()
                    .phase(phase)
                    .message(message)
                    .outputs(out)
                    .finishedAt(e.finishedAt())
                    .build());
    if (phase == NodePhase.SUCCEEDED && out != null) {
      for (Parameter p : out.parametersOrEmpty()) {
        if (p.globalName() != null && p.value() != null) {
          dev.weft.engine.exec.GlobalOutputs.parameter(run, p.globalName(), p.value());
        }
      }
      for (var a : out.artifactsOrEmpty()) {
        if (a.globalName() != null)
          dev.weft.engine.exec.GlobalOutputs.artifact(run, a.globalName(), a);
      }
    }
  }
}
