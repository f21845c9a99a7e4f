package dev.weft.engine.event;

import dev.weft.model.spec.Outputs;
import dev.weft.model.status.NodePhase;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Something the engine learns from outside: a pod changed, a user acted. */
public sealed interface Event {

  record PodStarted(String nodeId, Instant at) implements Event {}

  /**
   * A pod ended. {@code error} means it could not run or its outputs could not be collected (Argo's
   * Error phase); otherwise the exit code decides, and {@code failure}, when set, says why a
   * non-zero exit failed (a command that could not be executed).
   */
  record PodFinished(
      String nodeId,
      int exitCode,
      Optional<String> error,
      Outputs outputs,
      Instant startedAt,
      Instant finishedAt,
      String failure)
      implements Event {
    public PodFinished(
        String nodeId,
        int exitCode,
        Optional<String> error,
        Outputs outputs,
        Instant startedAt,
        Instant finishedAt) {
      this(nodeId, exitCode, error, outputs, startedAt, finishedAt, null);
    }
  }

  /**
   * The executor restarted and knows no pods: every pod that has not ended is asked for again (a
   * restarted executor re-adopts it rather than running it twice).
   */
  record Resync() implements Event {}

  /**
   * Ends suspended nodes whose name matches (null: all) in {@code phase} (Succeeded, Failed or
   * Error) with {@code message}, supplying output parameters, as Argo's resume and `node set` do. A
   * null phase only records the outputs and message; the nodes stay suspended.
   */
  record Resume(
      String nodeName, Map<String, String> outputParameters, NodePhase phase, String message)
      implements Event {

    /** A plain resume: the nodes succeed. */
    public Resume(String nodeName, Map<String, String> outputParameters) {
      this(nodeName, outputParameters, NodePhase.SUCCEEDED, null);
    }
  }
}
