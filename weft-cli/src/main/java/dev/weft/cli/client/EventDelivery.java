package dev.weft.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.model.ObjectMeta;
import java.util.List;

/**
 * An EventDelivery ({@code weft.dev/v1alpha1}) as the server's {@code /api/v1/event-deliveries}
 * routes send it: the event as it arrived, and what each binding made of it. Read leniently
 * (unknown fields skipped, anything may be absent), since a delivery still being dispatched has no
 * status yet.
 */
public record EventDelivery(ObjectMeta metadata, Spec spec, Status status) {
  /** The API collection of a namespace's deliveries; {@code namespace} null: every namespace. */
  public static String collection(String namespace) {
    return namespace == null
        ? "/api/v1/event-deliveries"
        : ApiClient.path("/api/v1/event-deliveries", namespace);
  }

  public static String item(String namespace, String name) {
    return ApiClient.path("/api/v1/event-deliveries", namespace, name);
  }

  /** What arrived: {@code client} is absent when the bearer token was used. */
  public record Spec(
      String discriminator,
      String client,
      String dedupKey,
      String receivedAt,
      JsonNode payload,
      JsonNode metadata) {}

  public record Status(
      String phase,
      Integer attempts,
      String dispatchedAt,
      List<BindingResult> bindings,
      List<String> workflows) {}

  /**
   * One binding's verdict in the last dispatch: Submitted (with its workflow), NotMatched (with the
   * selector), MatchedWithoutSubmit, or Failed (with Argo's error).
   */
  public record BindingResult(String name, String result, String message, String workflow) {
    public boolean matched() {
      return "Submitted".equals(result) || "MatchedWithoutSubmit".equals(result);
    }

    public boolean failed() {
      return "Failed".equals(result);
    }
  }

  public Spec specOrEmpty() {
    return spec == null ? new Spec(null, null, null, null, null, null) : spec;
  }

  public Status statusOrEmpty() {
    return status == null ? new Status(null, null, null, null, null) : status;
  }

  public List<BindingResult> bindings() {
    List<BindingResult> b = statusOrEmpty().bindings();
    return b == null ? List.of() : b;
  }

  public List<String> workflows() {
    List<String> w = statusOrEmpty().workflows();
    return w == null ? List.of() : w;
  }

  /** Pending until a status says otherwise, as the phase label does. */
  public String phase() {
    String p = statusOrEmpty().phase();
    if (p != null && !p.isEmpty()) return p;
    String label =
        metadata == null || metadata.labels() == null
            ? null
            : metadata.labels().get("events.weft.dev/phase");
    return label == null ? "Pending" : label;
  }
}
