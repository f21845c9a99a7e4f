package dev.weft.engine.exec;

import dev.weft.engine.action.Action;
import dev.weft.engine.run.Durations;
import dev.weft.engine.run.Names;
import dev.weft.engine.run.Run;
import dev.weft.engine.template.EngineError;
import dev.weft.model.spec.Template;
import dev.weft.model.status.NodePhase;
import dev.weft.model.status.NodeStatus;
import dev.weft.model.status.NodeType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Container, script and containerSet templates: one pod each, watched until it ends. */
final class PodExecutor {
  static final String DEADLINE_MESSAGE =
      "Pod was active on the node longer than the specified deadline";
  private final Run run;
  private final Admission admission;

  PodExecutor(Run run) {
    this.run = run;
    this.admission = new Admission(run);
  }

  NodeStatus execute(String nodeName, Prepared p, String boundaryId) {
    NodeStatus node = run.nodes().byName(nodeName);
    if (node == null) {
      if (run.shuttingDown() && !run.inExitHandler()) {
        return p.createNode(
            run, nodeName, NodeType.Pod, boundaryId, NodePhase.FAILED, run.shutdownMessage());
      }
      node = p.createNode(run, nodeName, NodeType.Pod, boundaryId, NodePhase.PENDING, null);
    }
    if (node.podName() == null) return launchWhenUnlocked(node, p);
    if (!node.phase().fulfilled() && run.reissuePod(node.id())) {
      run.act(runPod(node, node.podName(), p));
    }
    return watch(node, p.template());
  }

  private NodeStatus launchWhenUnlocked(NodeStatus node, Prepared p) {
    List<Admission.Lock> locks;
    try {
      locks = admission.locks(p.template());
    } catch (EngineError e) {
      return run.nodes().mark(node.id(), NodePhase.ERROR, e.getMessage(), run.now());
    }
    Admission.Blocked blocked = admission.blockingLock(locks, node.id());
    if (blocked != null) {
      return run.nodes()
          .update(
              node.id(),
              n ->
                  n.toBuilder()
                      .message(
                          "Waiting for "
                              + blocked.lock().key()
                              + " lock. Lock status: "
                              + blocked.holders()
                              + "/"
                              + blocked.lock().limit())
                      .synchronizationStatus(Admission.waiting(blocked.lock()))
                      .build());
    }
    String podName = Names.podName(run.workflowName(), node.name(), p.template().name());
    run.act(runPod(node, podName, p));
    return run.nodes()
        .update(
            node.id(),
            n ->
                n.toBuilder()
                    .podName(podName)
                    .message(null)
                    .startedAt(run.now())
                    .synchronizationStatus(locks.isEmpty() ? null : Admission.holding(locks))
                    .build());
  }

  private static Action.RunPod runPod(NodeStatus node, String podName, Prepared p) {
    return new Action.RunPod(
        node.id(),
        node.name(),
        podName,
        p.template(),
        p.template().inputsOrEmpty().artifactsOrEmpty());
  }

  /** Enforces the pod's deadline and the workflow's shutdown while the pod runs. */
  private NodeStatus watch(NodeStatus node, Template t) {
    if (run.shuttingDown() && !run.inExitHandler()) {
      return kill(node, run.shutdownMessage());
    }
    Instant deadline = deadline(node, t);
    if (deadline != null) {
      if (!run.now().isBefore(deadline)) return kill(node, DEADLINE_MESSAGE);
      run.wakeAt(deadline);
    }
    return node;
  }

  private NodeStatus kill(NodeStatus node, String message) {
    run.act(new Action.KillPod(node.id(), node.podName(), message));
    return run.nodes().mark(node.id(), NodePhase.FAILED, message, run.now());
  }

  private static Instant deadline(NodeStatus node, Template t) {
    Duration limit = null;
    if (t.activeDeadlineSeconds() != null) limit = Durations.parse(t.activeDeadlineSeconds());
    if (t.timeout() != null) {
      Duration timeout = Durations.parse(t.timeout());
      if (limit == null || timeout.compareTo(limit) < 0) limit = timeout;
    }
    return limit == null || node.startedAt() == null ? null : node.startedAt().plus(limit);
  }
}
