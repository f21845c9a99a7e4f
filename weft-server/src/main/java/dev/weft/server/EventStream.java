package dev.weft.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.controller.ControlPlane;
import dev.weft.model.codec.Codec;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Argo's WatchEvents, {@code GET /api/v1/stream/events/{namespace}}: the namespace's Kubernetes
 * Events, each as {@code {"result":{Event}}} (the gRPC stream's message is the Event itself, not a
 * watch event), those kept first, then new ones as they happen, filtered by {@code
 * listOptions.fieldSelector} on the Event's fields.
 */
public final class EventStream {
  private static final Set<String> FIELDS =
      Set.of(
          "involvedObject.kind",
          "involvedObject.name",
          "involvedObject.namespace",
          "involvedObject.uid",
          "involvedObject.apiVersion",
          "metadata.name",
          "metadata.namespace",
          "reason",
          "type",
          "source");
  private final EventRecorder recorder;
  private final BooleanSupplier closing;

  public EventStream(ControlPlane plane, BooleanSupplier closing) {
    this(EventRecorder.start(plane.store(), closing), closing);
  }

  EventStream(EventRecorder recorder, BooleanSupplier closing) {
    this.recorder = recorder;
    this.closing = closing;
  }

  public void register(Router router) {
    router
        .add("GET", "/api/v1/stream/events", this::stream)
        .add("GET", "/api/v1/stream/events/{namespace}", this::stream);
  }

  private Object stream(Request r) throws IOException, InterruptedException {
    String ns = r.path("namespace");
    FieldSelector fields =
        FieldSelector.parse(
            r.query("listOptions.fieldSelector"), FIELDS, "listOptions.fieldSelector");
    BlockingQueue<ObjectNode> queue = new LinkedBlockingQueue<>();
    List<ObjectNode> kept = recorder.subscribe(queue);
    Framing framing = Framing.of(r);
    try (OutputStream out = r.stream(framing.contentType())) {
      for (ObjectNode event : kept) send(framing, out, ns, fields, event);
      out.flush();
      while (!closing.getAsBoolean()) {
        ObjectNode event = queue.poll(2, TimeUnit.SECONDS);
        if (event == null) framing.keepAlive(out); // fails once the client is gone
        else send(framing, out, ns, fields, event);
        out.flush();
      }
    } catch (IOException gone) {
      // the client disconnected
    } finally {
      recorder.unsubscribe(queue);
    }
    return null;
  }

  private static void send(
      Framing framing, OutputStream out, String ns, FieldSelector fields, ObjectNode event)
      throws IOException {
    if (ns != null && !ns.equals(event.path("metadata").path("namespace").asText())) return;
    if (!fields.matches(f -> text(event, f))) return;
    ObjectNode message = Codec.json().createObjectNode();
    message.set("result", event);
    framing.send(out, message);
  }

  /** A field's value; Kubernetes' {@code source} selects on the source's component. */
  private static String text(JsonNode event, String dotted) {
    String path = dotted.equals("source") ? "source.component" : dotted;
    JsonNode node = event;
    for (String part : path.split("\\.")) node = node.path(part);
    return node.isValueNode() ? node.asText() : null;
  }
}
