package dev.weft.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.model.codec.Codec;
import dev.weft.server.events.BindingOutcome;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The Kubernetes Event Argo's server records on a WorkflowEventBinding that failed an event:
 * Warning, reason {@code WorkflowEventBindingError}, message {@code failed to dispatch event:
 * <error>}.
 */
final class BindingEvents {
  static final String REASON = "WorkflowEventBindingError";

  private BindingEvents() {}

  static ObjectNode error(
      String namespace, BindingOutcome.Failed failure, long sequence, Instant at) {
    String time = at.truncatedTo(ChronoUnit.SECONDS).toString();
    ObjectNode event = Codec.json().createObjectNode();
    ObjectNode meta = event.putObject("metadata");
    meta.put("name", failure.binding() + "." + Long.toHexString(at.toEpochMilli()) + sequence);
    meta.put("namespace", namespace);
    meta.put("resourceVersion", Long.toString(sequence));
    meta.put("creationTimestamp", time);
    ObjectNode involved = event.putObject("involvedObject");
    involved.put("kind", "WorkflowEventBinding");
    involved.put("namespace", namespace);
    involved.put("name", failure.binding());
    involved.put("apiVersion", "argoproj.io/v1alpha1");
    event.put("reason", REASON);
    event.put("message", "failed to dispatch event: " + failure.message());
    event.putObject("source").put("component", "workflow-controller");
    event.put("firstTimestamp", time);
    event.put("lastTimestamp", time);
    event.put("count", 1);
    event.put("type", "Warning");
    event.putNull("eventTime");
    event.put("reportingComponent", "");
    event.put("reportingInstance", "");
    return event;
  }
}
