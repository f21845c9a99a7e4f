package dev.weft.controller.pod;

import dev.weft.engine.Library;
import dev.weft.engine.action.Action;
import dev.weft.engine.event.Event;
import dev.weft.model.Workflow;
import dev.weft.model.spec.WorkflowSpec;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Where the engine's pods run: host processes in local mode ({@link LocalPods}), Pods on a cluster
 * in Kubernetes mode. Every call is idempotent by pod name, because after a restart or a leader
 * change the engine asks again for every pod that has not ended, and a pod must never run twice.
 */
public interface PodRuntime {

  /**
   * Starts the pod unless it exists, else adopts it; {@code report} receives its PodStarted and
   * PodFinished events (a pod that already ended reports at once).
   */
  void start(
      Workflow wf,
      WorkflowSpec spec,
      Library lib,
      Action.RunPod run,
      BiConsumer<Workflow, Event> report);

  /** Stops the pod (its node already has its final phase). */
  void kill(Workflow wf, String podName, String reason);

  /** Stops every pod this runtime started (`weft run` ending); a service leaves them running. */
  void killAll(String reason);

  /** The workflow is gone: stop its pods and drop what is kept of them. */
  void forget(Workflow wf);

  /** Removes an ended pod, as Argo's podGC deletes it. */
  void remove(Workflow wf, String podName);

  /** Whether any pod of the workflow still runs (a killed one may be in its grace period). */
  boolean anyRunning(Workflow wf);

  /** How many pods run now. */
  int runningCount();

  /** The end of a container's output, if it can still be read. */
  Optional<String> logs(Workflow wf, String podName, String container);
}
