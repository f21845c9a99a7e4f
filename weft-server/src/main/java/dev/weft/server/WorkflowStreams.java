package dev.weft.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.controller.ControlPlane;
import dev.weft.model.Workflow;
import dev.weft.model.codec.Codec;
import dev.weft.model.status.NodeStatus;
import dev.weft.store.LabelSelector;
import dev.weft.store.ListResult;
import dev.weft.store.Watch;
import dev.weft.store.WatchEvent;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** The streamed answers: a workflow's pod logs and the Server-Sent Events of workflow changes. */
public final class WorkflowStreams {
  private static final Set<String> EVENT_FIELDS = Set.of("metadata.name", "metadata.namespace");
  private final ControlPlane plane;
  private final BooleanSupplier closing;

  public WorkflowStreams(ControlPlane plane, BooleanSupplier closing) {
    this.plane = plane;
    this.closing = closing;
  }

  public void register(Router router) {
    router
        .add("GET", "/api/v1/workflows/{namespace}/{name}/log", this::log)
        .add("GET", "/api/v1/workflow-events", this::events)
        .add("GET", "/api/v1/workflow-events/{namespace}", this::events);
  }

  /** Newline-delimited {@code {"result":{"content":..,"podName":..}}}, one per log line. */
  private Object log(Request r) throws IOException {
    Workflow wf =
        StoredObjects.get(plane.store(), Workflow.class, r.path("namespace"), r.path("name"));
    String container = r.query("logOptions.container");
    if (container == null) container = "main";
    List<String> pods = new ArrayList<>();
    if (wf.status() != null) {
      wf.status().nodesOrEmpty().values().stream()
          .filter(n -> n.podName() != null)
          .sorted(
              Comparator.comparing(
                  NodeStatus::startedAt, Comparator.nullsLast(Comparator.naturalOrder())))
          .forEach(n -> pods.add(n.podName()));
    }
    String wanted = r.query("podName");
    if (wanted != null) {
      if (!pods.contains(wanted)) {
        throw ApiException.notFound("pod \"" + wanted + "\" not found in workflow " + wf.name());
      }
      pods.retainAll(List.of(wanted));
    }
    try (OutputStream out = r.stream("application/json")) {
      for (String pod : pods) {
        String text = plane.pods().logs(wf, pod, container).orElse("");
        for (String line : text.lines().toList()) {
          ObjectNode entry = Codec.json().createObjectNode();
          entry.putObject("result").put("content", line).put("podName", pod);
          out.write((Codec.toJson(entry) + "\n").getBytes(StandardCharsets.UTF_8));
        }
      }
    }
    return null;
  }

  /**
   * Streams {@code data: {"result":{"type":..,"object":..}}} until the client goes away. Without
   * {@code listOptions.resourceVersion} the existing workflows come first as ADDED, as from a
   * Kubernetes watch.
   */
  private Object events(Request r) throws IOException, InterruptedException {
    String ns = r.path("namespace");
    LabelSelector labels = StoredObjects.labels(r);
    FieldSelector fields =
        FieldSelector.parse(
            r.query("listOptions.fieldSelector"), EVENT_FIELDS, "listOptions.fieldSelector");
    String from = r.query("listOptions.resourceVersion");
    List<Workflow> initial = List.of();
    if (from == null) {
      ListResult<Workflow> list = plane.store().listWithVersion(Workflow.class, ns, labels);
      initial = list.items();
      from = list.resourceVersion();
    }
    BlockingQueue<WatchEvent> queue = new LinkedBlockingQueue<>();
    try (Watch watch = plane.store().watch(Workflow.class, ns, from, queue::add);
        OutputStream out = r.stream("text/event-stream")) {
      for (Workflow wf : initial) {
        if (fields.matches(f -> WorkflowHandlers.field(wf, f))) send(out, "ADDED", wf);
      }
      out.flush();
      while (!closing.getAsBoolean()) {
        WatchEvent e = queue.poll(2, TimeUnit.SECONDS);
        if (e == null) {
          out.write(":\n\n".getBytes(StandardCharsets.UTF_8)); // a keep-alive; fails once gone
        } else if (e.object() instanceof Workflow wf
            && labels.matches(wf.metadata().labels())
            && fields.matches(f -> WorkflowHandlers.field(wf, f))) {
          send(out, e.type().name(), wf);
        }
        out.flush();
      }
    } catch (IOException gone) {
      // the client disconnected
    }
    return null;
  }

  private static void send(OutputStream out, String type, Workflow wf) throws IOException {
    ObjectNode event = Codec.json().createObjectNode();
    ObjectNode result = event.putObject("result");
    result.put("type", type);
    result.set("object", Codec.tree(wf));
    out.write(("data: " + Codec.toJson(event) + "\n\n").getBytes(StandardCharsets.UTF_8));
  }
}
