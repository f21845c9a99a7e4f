package dev.weft.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.weft.expr.ExprException;
import dev.weft.expr.GoJson;
import dev.weft.server.events.BindingOutcome;
import dev.weft.server.events.DeliveryNames;
import dev.weft.server.events.EventInbox;
import dev.weft.server.events.EventMetadata;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Argo's EventService: {@code POST /api/v1/events/{namespace}/{discriminator}} with any JSON body
 * (the discriminator may be empty: {@code /api/v1/events/argo/}). Dispatched synchronously, as Argo
 * does by default since v3.3, through the durable {@link EventInbox}: the event is recorded before
 * any workflow is created, and the answer names its delivery, in the header {@code
 * X-Weft-Event-Delivery} and in a body that extends Argo's {@code {}}: {@code {"delivery": ...,
 * "workflows": [...]}}. When any binding failed the answer is Argo's 500 (the others' workflows
 * created all the same), and each failure is also a Warning Event on its binding, as Argo's server
 * records one.
 */
final class EventHandlers {
  static final String PATH_PREFIX = "/api/v1/events/";
  static final String DELIVERY_HEADER = "X-Weft-Event-Delivery";

  /** Argo Server's webhook body limit: 2 MiB. */
  static final int MAX_BODY_BYTES = 2 * 1024 * 1024;

  /**
   * Reads the payload as the tree that is recorded: numbers keep their digits (no rounding to
   * double), and a repeated key keeps its last value, as Go's decoder does.
   */
  private static final JsonMapper PAYLOAD =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
          .build();

  private final EventInbox inbox;
  private final EventRecorder events;

  EventHandlers(EventInbox inbox, EventRecorder events) {
    this.inbox = inbox;
    this.events = events;
  }

  void register(Router router) {
    router
        .add("POST", PATH_PREFIX + "{namespace}/{discriminator}", this::receive)
        .add("POST", PATH_PREFIX + "{namespace}", this::receive);
  }

  private Object receive(Request r) throws IOException {
    String namespace = r.path("namespace");
    String discriminator = r.path("discriminator") == null ? "" : r.path("discriminator");
    JsonNode payload = payload(r.bodyBytes(MAX_BODY_BYTES));
    EventInbox.Arrival arrival =
        new EventInbox.Arrival(
            namespace,
            discriminator,
            r.verifiedClient(),
            DeliveryNames.dedupKey(r::header, namespace, discriminator, r.verifiedClient()),
            payload,
            EventMetadata.of(r.headerLines(), r.header("Host"), r.remoteIp(), r.verifiedClient()));
    EventInbox.Receipt receipt;
    try {
      receipt = inbox.receive(arrival);
    } catch (EventInbox.KeyReused e) {
      throw new ApiException(3, 422, e.getMessage());
    }
    return answer(r, receipt, namespace, events);
  }

  /** The answer to an event or a redelivery: the delivery named, Argo's 500 on any failure. */
  static Object answer(
      Request r, EventInbox.Receipt receipt, String namespace, EventRecorder events) {
    r.responseHeader(DELIVERY_HEADER, receipt.delivery());
    for (BindingOutcome.Failed f : receipt.result().failures()) {
      events.record((sequence, at) -> BindingEvents.error(namespace, f, sequence, at));
    }
    if (receipt.result().failed()) throw ApiException.internal(receipt.result().failureMessage());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("delivery", receipt.delivery());
    body.put("workflows", receipt.workflows());
    return body;
  }

  /**
   * Any JSON value, checked as Go decodes into {@code any} (Argo's error for what Go refuses); an
   * empty body is null.
   */
  private static JsonNode payload(byte[] body) {
    String text = new String(body, StandardCharsets.UTF_8);
    if (text.isBlank()) return NullNode.getInstance();
    try {
      GoJson.parse(text);
    } catch (ExprException e) {
      throw ApiException.invalid("payload: " + e.getMessage());
    }
    try {
      return PAYLOAD.readTree(text);
    } catch (JsonProcessingException e) {
      throw ApiException.invalid("payload: " + e.getOriginalMessage());
    }
  }
}
