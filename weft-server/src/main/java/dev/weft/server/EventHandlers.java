package dev.weft.server;

import dev.weft.controller.ControlPlane;
import dev.weft.expr.ExprException;
import dev.weft.expr.GoJson;
import dev.weft.server.events.BindingOutcome;
import dev.weft.server.events.DispatchResult;
import dev.weft.server.events.EventDispatcher;
import dev.weft.server.events.EventMetadata;
import dev.weft.server.events.IncomingEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Argo's EventService: {@code POST /api/v1/events/{namespace}/{discriminator}} with any JSON body
 * (the discriminator may be empty: {@code /api/v1/events/argo/}). Dispatched synchronously, as Argo
 * does by default since v3.3: 200 {@code {}} once every matching binding's workflow exists (or none
 * matched), 500 with Argo's message when any binding failed, the others' workflows created all the
 * same. Each failure is also a Warning Event on its binding, as Argo's server records one.
 */
final class EventHandlers {
  static final String PATH_PREFIX = "/api/v1/events/";

  /** Argo Server's webhook body limit: 2 MiB. */
  static final int MAX_BODY_BYTES = 2 * 1024 * 1024;

  private final EventDispatcher dispatcher;
  private final EventRecorder events;

  EventHandlers(ControlPlane plane, EventRecorder events) {
    this.dispatcher = new EventDispatcher(plane.store(), plane::submit);
    this.events = events;
  }

  void register(Router router) {
    router
        .add("POST", PATH_PREFIX + "{namespace}/{discriminator}", this::receive)
        .add("POST", PATH_PREFIX + "{namespace}", this::receive);
  }

  private Object receive(Request r) throws IOException {
    String discriminator = r.path("discriminator");
    IncomingEvent event =
        new IncomingEvent(
            r.path("namespace"),
            discriminator == null ? "" : discriminator,
            payload(r.bodyBytes(MAX_BODY_BYTES)),
            EventMetadata.of(r.headerLines(), r.header("Host"), r.remoteIp(), r.verifiedClient()));
    DispatchResult result = dispatcher.dispatch(event);
    for (BindingOutcome.Failed f : result.failures()) {
      events.record((sequence, at) -> BindingEvents.error(event.namespace(), f, sequence, at));
    }
    if (result.failed()) throw ApiException.internal(result.failureMessage());
    return Map.of();
  }

  /** Any JSON value, decoded as Go decodes into {@code any}; an empty body is null. */
  private static Object payload(byte[] body) {
    String text = new String(body, StandardCharsets.UTF_8);
    if (text.isBlank()) return null;
    try {
      return GoJson.parse(text);
    } catch (ExprException e) {
      throw ApiException.invalid("payload: " + e.getMessage());
    }
  }
}
