package dev.weft.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * What the events endpoint and a redelivery answer: {@code {"delivery": NAME, "workflows": [...]}}
 * (Argo's own server answers {@code {}}), with the delivery's name also in a header, which a 500
 * carries too: a failed binding still leaves a record to look at.
 */
public record EventAnswer(String delivery, List<String> workflows, JsonNode body) {
  public static final String DELIVERY_HEADER = "X-Weft-Event-Delivery";

  /**
   * The answer of a 2xx reply; any other is the server's refusal, naming the delivery when the
   * server recorded one.
   */
  public static EventAnswer of(ApiClient.Reply reply, ApiClient api, String what) {
    String header = reply.header(DELIVERY_HEADER);
    if (!reply.ok()) {
      ClientException refused = api.refusal(reply);
      if (header == null || header.isBlank()) throw refused;
      throw ClientException.server(
          refused.status(),
          refused.getMessage()
              + " (recorded as event delivery "
              + DeliveryPrinter.visible(header)
              + ": `weft event get "
              + DeliveryPrinter.visible(header)
              + "` shows each binding's result)");
    }
    JsonNode body = Json.parse(reply.body().isBlank() ? "{}" : reply.body(), what);
    String delivery = body.path("delivery").asText(null);
    if (delivery == null || delivery.isBlank()) delivery = header;
    List<String> workflows = new ArrayList<>();
    body.path("workflows").forEach(w -> workflows.add(w.asText()));
    return new EventAnswer(delivery, List.copyOf(workflows), body);
  }
}
