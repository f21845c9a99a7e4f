package dev.weft.engine.exec;

import dev.weft.engine.event.Event;
import dev.weft.engine.run.Durations;
import dev.weft.engine.run.Run;
import dev.weft.model.status.NodePhase;
import dev.weft.model.status.NodeStatus;
import dev.weft.model.status.NodeType;
import java.time.Instant;
import java.util.Map;

/** A suspend node waits for a resume, or for its duration to pass. */
final class SuspendExecutor {
  private final Run run;

  SuspendExecutor(Run run) {
    this.run = run;
  }

  NodeStatus execute(String nodeName, Prepared p, String boundaryId) {
    NodeStatus node = run.nodes().byName(nodeName);
    if (node == null) {
      node = p.createNode(run, nodeName, NodeType.Suspend, boundaryId, NodePhase.RUNNING, null);
    }
    if (run.shuttingDown() && !run.inExitHandler()) {
      return run.nodes().mark(node.id(), NodePhase.FAILED, run.shutdownMessage(), run.now());
    }
    var resume = run.resumeFor(node.name());
    if (resume.isPresent()) {
      Event.Resume r = resume.get();
      if (r.phase() == null) {
        node = recorded(node, p, r);
      } else if (r.phase() == NodePhase.SUCCEEDED) {
        return resumed(node, p, r.outputParameters(), r.message());
      } else {
        NodeStatus n = recorded(node, p, r);
        return run.nodes().mark(n.id(), r.phase(), r.message(), run.now());
      }
    }
    String duration = p.template().suspend().duration();
    if (duration != null && !duration.isEmpty()) {
      Instant until = node.startedAt().plus(Durations.parse(duration));
      if (!run.now().isBefore(until)) return resumed(node, p, Map.of(), null);
      run.wakeAt(until);
    }
    return node;
  }

  /** Ends the suspension: Succeeded, with the output parameters supplied (or defaulted). */
  private NodeStatus resumed(
      NodeStatus node, Prepared p, Map<String, String> supplied, String message) {
    return run.nodes()
        .update(
            node.id(),
            n ->
                n.toBuilder()
                    .phase(NodePhase.SUCCEEDED)
                    .message(message)
                    .finishedAt(run.now())
                    .outputs(SuppliedOutputs.of(p.template(), n, supplied))
                    .build());
  }

  /** Keeps what a `node set` supplied (outputs, message) on the node, which stays suspended. */
  private NodeStatus recorded(NodeStatus node, Prepared p, Event.Resume r) {
    return run.nodes()
        .update(
            node.id(),
            n -> {
              var b =
                  n.toBuilder().outputs(SuppliedOutputs.of(p.template(), n, r.outputParameters()));
              return (r.message() == null ? b : b.message(r.message())).build();
            });
  }
}
