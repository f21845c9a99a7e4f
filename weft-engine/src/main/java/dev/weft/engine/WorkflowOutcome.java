package dev.weft.engine;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.engine.exec.TemplateExecutor;
import dev.weft.engine.run.Run;
import dev.weft.engine.template.Call;
import dev.weft.engine.template.TemplateHolder;
import dev.weft.model.spec.WorkflowSpec;
import dev.weft.model.status.NodePhase;
import dev.weft.model.status.NodeStatus;
import dev.weft.model.status.WorkflowPhase;

/** Decides the workflow's phase from its root node, running the exit handler first. */
final class WorkflowOutcome {
  private WorkflowOutcome() {}

  static Engine.Outcome decide(
      Run run,
      WorkflowSpec spec,
      NodeStatus root,
      TemplateExecutor templates,
      TemplateHolder local) {
    if (root == null || !root.phase().fulfilled()) {
      return new Engine.Outcome(WorkflowPhase.RUNNING, null);
    }
    WorkflowPhase phase = of(root.phase());
    String message = root.message();
    if (spec.onExit() != null && !spec.onExit().isBlank() && !run.terminating()) {
      run.addGlobal("workflow.status", phase.label());
      run.addGlobal("workflow.failures", failures(run));
      run.enterExitHandler();
      NodeStatus exit;
      try {
        exit =
            templates.execute(
                run.workflowName() + ".onExit",
                Call.byName(local, spec.onExit(), spec.argumentsOrEmpty()),
                null);
      } finally {
        run.leaveExitHandler();
      }
      if (exit == null || !exit.phase().fulfilled()) {
        return new Engine.Outcome(WorkflowPhase.RUNNING, null);
      }
      if (phase == WorkflowPhase.SUCCEEDED && exit.phase().unsuccessful()) {
        phase = of(exit.phase());
        message = exit.message();
      }
    }
    if (phase != WorkflowPhase.SUCCEEDED && spec.shutdown() != null && !spec.shutdown().isBlank()) {
      message = "Stopped with strategy '" + spec.shutdown() + "'";
    }
    return new Engine.Outcome(phase, message);
  }

  static WorkflowPhase of(NodePhase p) {
    return switch (p) {
      case FAILED -> WorkflowPhase.FAILED;
      case ERROR -> WorkflowPhase.ERROR;
      case PENDING -> WorkflowPhase.PENDING;
      case RUNNING -> WorkflowPhase.RUNNING;
      default -> WorkflowPhase.SUCCEEDED;
    };
  }

  /** {@code workflow.failures}: the failed and errored nodes, as Argo lists them. */
  private static String failures(Run run) {
    ArrayNode list = JsonNodeFactory.instance.arrayNode();
    for (NodeStatus n : run.nodes().all()) {
      if (!n.phase().unsuccessful()) continue;
      ObjectNode o = list.addObject();
      o.put("displayName", n.displayName());
      o.put("message", n.message() == null ? "" : n.message());
      o.put("templateName", n.templateName() == null ? "" : n.templateName());
      o.put("phase", n.phase().label());
      o.put("podName", n.podName() == null ? "" : n.podName());
      o.put("finishedAt", n.finishedAt() == null ? "" : n.finishedAt().toString());
    }
    return list.toString();
  }
}
