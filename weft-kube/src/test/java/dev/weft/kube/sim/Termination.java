package dev.weft.kube.sim;

import java.time.Duration;

/**
 * Why a pod's containers are being stopped, and how long they get between SIGTERM and SIGKILL.
 *
 * @param podReason the pod's {@code status.reason} once it ends ({@code Evicted}, {@code
 *     DeadlineExceeded}), or null for a deletion, which leaves the phase to the exit codes
 */
record Termination(String podReason, String podMessage, Duration grace) {
  static final String DEADLINE_MESSAGE =
      "Pod was active on the node longer than the specified deadline";
  static final String EVICTED_MESSAGE = "The node was low on resource: memory.";

  static Termination deleted(Duration grace) {
    return new Termination(null, null, grace);
  }

  static Termination deadline(Duration grace) {
    return new Termination("DeadlineExceeded", DEADLINE_MESSAGE, grace);
  }

  /** A hard eviction: no grace, as under memory pressure. */
  static Termination evicted() {
    return new Termination("Evicted", EVICTED_MESSAGE, Duration.ZERO);
  }
}
