package dev.weft.model;

import dev.weft.model.spec.EventDeliverySpec;
import dev.weft.model.status.EventDeliveryStatus;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;

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

  /**
   * The label of a delivery pruned to a stub: kept inside its dedup window for its key, its
   * workflows and its outcomes, without the payload and headers that made it large.
   */
  public static final String PRUNED_LABEL = "events.weft.dev/pruned";

  /** Whether this is a stub whose payload was pruned (so it can be neither compared nor sent). */
  public boolean pruned() {
    return metadata != null && "true".equals(metadata.labelsOrEmpty().get(PRUNED_LABEL));
  }

  /** This delivery without its payload and metadata, labelled as pruned. */
  public EventDelivery asStub() {
    Map<String, String> labels = new HashMap<>(metadata.labelsOrEmpty());
    labels.put(PRUNED_LABEL, "true");
    EventDeliverySpec stub =
        new EventDeliverySpec(
            spec.discriminator(),
            spec.client(),
            spec.dedupKey(),
            spec.receivedAt(),
            null,
            Map.of());
    return new EventDelivery(apiVersion, kind, metadata.withLabels(labels), stub, status);
  }

  /** When it was received; an unreadable time counts as the oldest (so it is pruned first). */
  public Instant receivedAtOrEpoch() {
    try {
      return Instant.parse(spec.receivedAt());
    } catch (DateTimeParseException | NullPointerException e) {
      return Instant.EPOCH;
    }
  }

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
