package dev.weft.engine;

import dev.weft.engine.run.Run;
import dev.weft.model.spec.Artifact;
import dev.weft.model.spec.Outputs;
import dev.weft.model.spec.Parameter;
import dev.weft.model.status.NodePhase;
import dev.weft.model.status.NodeStatus;
import dev.weft.model.status.NodeType;
import dev.weft.model.status.WorkflowStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes the new workflow status from a finished reconcile. */
final class StatusWriter {
  private StatusWriter() {}

  static WorkflowStatus write(
      WorkflowStatus old, Run run, Engine.Outcome outcome, Instant startedAt, Instant now) {
    Map<String, NodeStatus> nodes = run.nodes().snapshot();
    long pods = 0;
    long done = 0;
    for (NodeStatus n : nodes.values()) {
      if (n.type() != NodeType.Pod) continue;
      pods++;
      if (n.phase() == NodePhase.SUCCEEDED) done++;
    }
    boolean completed = outcome.phase().completed();
    return new WorkflowStatus(
        outcome.phase(),
        startedAt,
        completed ? now : null,
        done + "/" + pods,
        outcome.message(),
        nodes,
        outputs(old.outputs(), run),
        old.conditions(),
        old.persistentVolumeClaims(),
        old.storedTemplates(),
        old.storedWorkflowTemplateSpec(),
        old.synchronization());
  }

  private static Outputs outputs(Outputs old, Run run) {
    Map<String, Parameter> params = new LinkedHashMap<>();
    if (old != null) old.parametersOrEmpty().forEach(p -> params.put(p.name(), p));
    params.putAll(run.globalOutputs());
    Map<String, Artifact> artifacts = new LinkedHashMap<>();
    if (old != null) old.artifactsOrEmpty().forEach(a -> artifacts.put(a.name(), a));
    run.globals()
        .artifacts()
        .forEach(
            (k, a) -> {
              String prefix = "workflow.outputs.artifacts.";
              if (k.startsWith(prefix))
                artifacts.put(
                    k.substring(prefix.length()), a.withName(k.substring(prefix.length())));
            });
    if (params.isEmpty() && artifacts.isEmpty()) return null;
    return new Outputs(
        new ArrayList<>(params.values()), new ArrayList<>(artifacts.values()), null, null);
  }
}
