package dev.weft.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.controller.ControlPlane;
import dev.weft.model.Workflow;
import dev.weft.model.codec.Codec;
import dev.weft.store.LabelSelector;
import dev.weft.store.ListResult;
import dev.weft.store.Watch;
import dev.weft.store.WatchEvent;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** The streamed answers: a workflow's pod logs and the stream of workflow changes. */
public final class WorkflowStreams {
  private static final Set<String> EVENT_FIELDS = Set.of("metadata.name", "metadata.namespace");
  private final ControlPlane plane;
  private final BooleanSupplier closing;

  public WorkflowStreams(ControlPlane plane, BooleanSupplier closing) {
    this.plane = plane;
    this.closing = closing;
  }

  public void register(Router router) {
    LogStream logs = new LogStream(plane, closing);
    router
        .add("GET", "/api/v1/workflows/{namespace}/{name}/log", logs::stream)
        .add("GET", "/api/v1/workflows/{namespace}/{name}/{podName}/log", logs::stream)
        .add("GET", "/api/v1/workflow-events", this::events)
        .add("GET", "/api/v1/workflow-events/{namespace}", this::events);
  }

  /**
   * Streams {@code {"result":{"type":..,"object":..}}} (as Server-Sent Events if asked for) until
   * the client goes away. Without {@code listOptions.resourceVersion} the existing workflows come
   * first as ADDED, as from a Kubernetes watch.
   */
  private Object events(Request r) throws IOException, InterruptedException {
    String ns = r.path("namespace");
    LabelSelector labels = StoredObjects.labels(r);
    FieldSelector fields =
        FieldSelector.parse(
            r.query("listOptions.fieldSelector"), EVENT_FIELDS, "listOptions.fieldSelector");
    FieldsMask mask = FieldsMask.parse(r.query("fields")).withoutPrefix("result.object.");
    String from = r.query("listOptions.resourceVersion");
    List<Workflow> initial = List.of();
    if (from == null) {
      ListResult<Workflow> list = plane.store().listWithVersion(Workflow.class, ns, labels);
      initial = list.items();
      from = list.resourceVersion();
    }
    BlockingQueue<WatchEvent> queue = new LinkedBlockingQueue<>();
    Framing framing = Framing.of(r);
    try (Watch watch = plane.store().watch(Workflow.class, ns, from, queue::add);
        OutputStream out = r.stream(framing.contentType())) {
      for (Workflow wf : initial) {
        if (fields.matches(f -> WorkflowHandlers.field(wf, f)))
          send(framing, out, "ADDED", mask, wf);
      }
      out.flush();
      while (!closing.getAsBoolean()) {
        WatchEvent e = queue.poll(2, TimeUnit.SECONDS);
        if (e == null) {
          framing.keepAlive(out); // fails once the client is gone
        } else if (e.object() instanceof Workflow wf
            && labels.matches(wf.metadata().labels())
            && fields.matches(f -> WorkflowHandlers.field(wf, f))) {
          send(framing, out, e.type().name(), mask, wf);
        }
        out.flush();
      }
    } catch (IOException gone) {
      // the client disconnected
    }
    return null;
  }

  private static void send(
      Framing framing, OutputStream out, String type, FieldsMask mask, Workflow wf)
      throws IOException {
    ObjectNode event = Codec.json().createObjectNode();
    ObjectNode result = event.putObject("result");
    result.put("type", type);
    result.set("object", mask.apply(Codec.tree(wf)));
    framing.send(out, event);
  }
}
