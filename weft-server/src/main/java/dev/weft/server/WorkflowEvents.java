package dev.weft.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.model.Workflow;
import dev.weft.model.codec.Codec;
import dev.weft.model.status.NodePhase;
import dev.weft.model.status.NodeStatus;
import dev.weft.model.status.WorkflowPhase;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The Kubernetes Events Argo's controller records for a workflow's change, derived from the
 * workflow before and after it: {@code WorkflowRunning} and {@code WorkflowSucceeded} (Normal),
 * {@code WorkflowFailed} (Warning, for Failed and Error, with the workflow's message), and {@code
 * WorkflowNode<Phase>} for each node whose phase changed (Normal for Running and Succeeded, else
 * Warning; message {@code "<Phase> node <name>[: <message>]"}), a node first seen finished, or gone
 * from Pending to finished, getting a Running event first, as Argo's operator does.
 */
final class WorkflowEvents {
  private WorkflowEvents() {}

  /** A derived event before it is numbered and timed. */
  record Derived(String type, String reason, String message, NodeStatus node) {}

  static List<Derived> between(Workflow before, Workflow after) {
    List<Derived> out = new ArrayList<>();
    Map<String, NodeStatus> old = before == null ? Map.of() : nodes(before);
    for (NodeStatus node : nodes(after).values()) {
      NodeStatus was = old.get(node.id());
      NodePhase now = node.phase();
      if (was != null) {
        if (Objects.equals(was.phase(), now)) continue;
        if (was.phase() == NodePhase.PENDING && now != null && now.fulfilled()) {
          out.add(nodeEvent(node, NodePhase.RUNNING));
        }
        out.add(nodeEvent(node, now));
      } else if (now == NodePhase.RUNNING) {
        out.add(nodeEvent(node, now));
      } else if (now != null && now.fulfilled()) {
        out.add(nodeEvent(node, NodePhase.RUNNING));
        out.add(nodeEvent(node, now));
      }
    }
    WorkflowPhase from = phase(before);
    WorkflowPhase to = phase(after);
    if (to != null && to != from) {
      switch (to) {
        case RUNNING -> out.add(new Derived("Normal", "WorkflowRunning", "Workflow Running", null));
        case SUCCEEDED ->
            out.add(new Derived("Normal", "WorkflowSucceeded", "Workflow completed", null));
        case FAILED, ERROR ->
            out.add(
                new Derived(
                    "Warning",
                    "WorkflowFailed",
                    Objects.requireNonNullElse(after.status().message(), ""),
                    null));
        default -> {}
      }
    }
    return out;
  }

  private static Map<String, NodeStatus> nodes(Workflow wf) {
    return wf.status() == null ? Map.of() : wf.status().nodesOrEmpty();
  }

  private static WorkflowPhase phase(Workflow wf) {
    return wf == null || wf.status() == null ? null : wf.status().phase();
  }

  private static Derived nodeEvent(NodeStatus node, NodePhase phase) {
    String label = phase == null ? "" : phase.label();
    String message = label + " node " + node.name();
    if (node.message() != null && !node.message().isEmpty()) message += ": " + node.message();
    boolean normal = phase == NodePhase.RUNNING || phase == NodePhase.SUCCEEDED;
    return new Derived(normal ? "Normal" : "Warning", "WorkflowNode" + label, message, node);
  }

  /** The event as a Kubernetes corev1 Event, numbered {@code sequence}. */
  static ObjectNode toKubernetes(Derived d, Workflow wf, long sequence, Instant at) {
    String ns = wf.metadata().namespaceOrDefault();
    String time = at.truncatedTo(ChronoUnit.SECONDS).toString();
    ObjectNode event = Codec.json().createObjectNode();
    ObjectNode meta = event.putObject("metadata");
    meta.put("name", wf.metadata().name() + "." + Long.toHexString(at.toEpochMilli()) + sequence);
    meta.put("namespace", ns);
    meta.put("resourceVersion", Long.toString(sequence));
    meta.put("creationTimestamp", time);
    if (d.node() != null) {
      ObjectNode annotations = meta.putObject("annotations");
      annotations.put(
          "workflows.argoproj.io/node-type", d.node().type() == null ? "" : d.node().type().name());
      annotations.put("workflows.argoproj.io/node-name", d.node().name());
      annotations.put("workflows.argoproj.io/node-id", d.node().id());
      Instant started = d.node().startedAt();
      annotations.put(
          "workflows.argoproj.io/node-start-time",
          started == null
              ? "0"
              : Long.toString(started.getEpochSecond() * 1_000_000_000L + started.getNano()));
    }
    ObjectNode involved = event.putObject("involvedObject");
    involved.put("kind", "Workflow");
    involved.put("namespace", ns);
    involved.put("name", wf.metadata().name());
    involved.put("uid", wf.metadata().uid());
    involved.put("apiVersion", "argoproj.io/v1alpha1");
    involved.put("resourceVersion", wf.metadata().resourceVersion());
    event.put("reason", d.reason());
    event.put("message", d.message());
    event.putObject("source").put("component", "workflow-controller");
    event.put("firstTimestamp", time);
    event.put("lastTimestamp", time);
    event.put("count", 1);
    event.put("type", d.type());
    event.putNull("eventTime");
    event.put("reportingComponent", "");
    event.put("reportingInstance", "");
    return event;
  }
}
