package dev.weft.engine.action;

import dev.weft.model.spec.Artifact;
import dev.weft.model.spec.Outputs;
import dev.weft.model.spec.Template;
import java.time.Instant;
import java.util.List;

/** What the engine asks the world to do; the controller carries actions out. */
public sealed interface Action {

  /**
   * Start a pod for a node. The template is fully substituted; input artifacts have resolved
   * locations (a repository key or raw data); the controller collects the template's outputs.
   */
  record RunPod(
      String nodeId,
      String nodeName,
      String podName,
      Template template,
      List<Artifact> inputArtifacts)
      implements Action {}

  /** Kill a running pod; its node has already been given its final phase and message. */
  record KillPod(String nodeId, String podName, String reason) implements Action {}

  /** Record a memoized result in the cache ConfigMap. */
  record SaveMemo(String configMap, String key, String nodeId, Outputs outputs, Instant at)
      implements Action {}
}
