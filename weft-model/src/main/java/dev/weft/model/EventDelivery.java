package dev.weft.model;

import dev.weft.model.spec.EventDeliverySpec;
import dev.weft.model.status.EventDeliveryStatus;

/**
 * Weft's record of one accepted event (weft.dev/v1alpha1, namespaced, with status): the durable
 * inbox entry, committed before any workflow is created, and afterwards what each binding made of
 * the event. Its name is derived from the event's dedup key when it has one, so that a resent event
 * finds its record instead of making a second.
 */
public record EventDelivery(
    String apiVersion,
    String kind,
    ObjectMeta metadata,
    EventDeliverySpec spec,
    EventDeliveryStatus status)
    implements Resource {
  public static final String API_VERSION = "weft.dev/v1alpha1";
  public static final String KIND = "EventDelivery";

  /** The label every delivery carries with its phase, so that Pending ones are found by label. */
  public static final String PHASE_LABEL = "events.weft.dev/phase";

  public EventDelivery withStatus(EventDeliveryStatus newStatus) {
    return new EventDelivery(apiVersion, kind, metadata, spec, newStatus);
  }

  public EventDelivery withMetadata(ObjectMeta newMetadata) {
    return new EventDelivery(apiVersion, kind, newMetadata, spec, status);
  }

  public EventDeliveryStatus statusOrEmpty() {
    return status == null ? EventDeliveryStatus.PENDING : status;
  }
}
