package dev.weft.cli.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.cli.client.EventDelivery.BindingResult;
import dev.weft.cli.view.Table;
import dev.weft.model.codec.Codec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Event deliveries for `weft event list` and `get`: what arrived, from whom, and what each binding
 * made of it. Everything shown comes from whoever sent the event, so control characters are shown
 * escaped rather than let loose on the terminal.
 */
public final class DeliveryPrinter {
  private static final String FIELD = "%-20s %s";

  private DeliveryPrinter() {}

  /** NAME, RECEIVED (age), CLIENT, DISCRIMINATOR, PHASE, MATCHED (n/m) and WORKFLOWS. */
  public static Table table(List<EventDelivery> items, Instant now) {
    return table(items, now, false);
  }

  /** With a NAMESPACE column first, for a list of every namespace's deliveries. */
  public static Table table(List<EventDelivery> items, Instant now, boolean withNamespace) {
    List<String> headers =
        new ArrayList<>(
            List.of(
                "NAME", "RECEIVED", "CLIENT", "DISCRIMINATOR", "PHASE", "MATCHED", "WORKFLOWS"));
    if (withNamespace) headers.add(0, "NAMESPACE");
    Table t = new Table(3, headers.toArray(String[]::new));
    for (EventDelivery d : items) {
      EventDelivery.Spec s = d.specOrEmpty();
      Instant received = Humanize.parse(s.receivedAt());
      List<String> row =
          new ArrayList<>(
              List.of(
                  visible(d.metadata() == null ? "" : d.metadata().name()),
                  received == null ? "" : Humanize.shortDuration(Duration.between(received, now)),
                  orDash(s.client()),
                  orDash(s.discriminator()),
                  visible(d.phase()),
                  matched(d.bindings()),
                  d.workflows().isEmpty() ? "-" : visible(String.join(",", d.workflows()))));
      if (withNamespace) {
        row.add(0, visible(d.metadata() == null ? "" : d.metadata().namespace()));
      }
      t.row(row.toArray(String[]::new));
    }
    return t;
  }

  /** {@code 1/3}: bindings that matched of those evaluated, with the failed ones counted apart. */
  static String matched(List<BindingResult> bindings) {
    long matched = bindings.stream().filter(BindingResult::matched).count();
    long failed = bindings.stream().filter(BindingResult::failed).count();
    return matched + "/" + bindings.size() + (failed == 0 ? "" : " (" + failed + " failed)");
  }

  /** The whole record: the event, each binding's result and why, and the workflows started. */
  public static List<String> describe(EventDelivery d, Instant now) {
    List<String> out = new ArrayList<>();
    EventDelivery.Spec s = d.specOrEmpty();
    EventDelivery.Status st = d.statusOrEmpty();
    field(out, "Name:", d.metadata() == null ? "" : d.metadata().name());
    field(out, "Namespace:", d.metadata() == null ? "" : d.metadata().namespaceOrDefault());
    field(out, "Received:", time(s.receivedAt(), now));
    field(out, "Client:", s.client() == null ? "(none: sent with the bearer token)" : s.client());
    field(out, "Discriminator:", s.discriminator() == null ? "" : s.discriminator());
    if (s.dedupKey() != null) field(out, "Dedup key:", s.dedupKey());
    field(out, "Phase:", d.phase());
    if (st.attempts() != null) field(out, "Attempts:", st.attempts().toString());
    if (st.dispatchedAt() != null) field(out, "Dispatched:", time(st.dispatchedAt(), now));
    headers(out, s.metadata());
    out.add("Payload:");
    pretty(s.payload()).lines().forEach(l -> out.add("  " + visible(l)));
    bindings(out, d.bindings());
    out.add("Workflows:");
    if (d.workflows().isEmpty()) out.add("  none started");
    d.workflows().forEach(w -> out.add("  " + visible(w)));
    return out;
  }

  /** The answer to `weft event send` or `redeliver`: the delivery and the workflows it started. */
  public static List<String> sent(String delivery, List<String> workflows) {
    List<String> out = new ArrayList<>();
    field(out, "Delivery:", delivery == null ? "(the server named none)" : delivery);
    if (workflows.isEmpty()) {
      field(
          out,
          "Workflows:",
          delivery == null
              ? "none started"
              : "none started (weft event get " + visible(delivery) + " says why)");
    } else {
      field(out, "Workflows:", String.join(", ", workflows));
    }
    return out;
  }

  /** The request headers selectors saw as {@code metadata}, one per line. */
  private static void headers(List<String> out, JsonNode metadata) {
    if (metadata == null || !metadata.isObject() || metadata.isEmpty()) return;
    out.add("Metadata:");
    for (Map.Entry<String, JsonNode> e : metadata.properties()) {
      List<String> values = new ArrayList<>();
      if (e.getValue().isArray()) e.getValue().forEach(v -> values.add(v.asText()));
      else values.add(e.getValue().asText());
      field(out, "  " + e.getKey() + ":", String.join(", ", values));
    }
  }

  private static void bindings(List<String> out, List<BindingResult> bindings) {
    out.add("Bindings:");
    if (bindings.isEmpty()) {
      out.add("  none evaluated");
      return;
    }
    Table t = new Table(3, "NAME", "RESULT", "WORKFLOW", "MESSAGE");
    for (BindingResult b : bindings) {
      t.row(
          visible(b.name()),
          visible(b.result()),
          b.workflow() == null ? "-" : visible(b.workflow()),
          b.message() == null ? "" : oneLine(b.message()));
    }
    t.lines().forEach(l -> out.add("  " + l));
  }

  private static String time(String rfc3339, Instant now) {
    Instant t = Humanize.parse(rfc3339);
    return t == null ? visible(rfc3339) : Humanize.timestamp(t, now);
  }

  /** The payload as indented JSON, whose escapes keep C0 control characters out. */
  static String pretty(JsonNode payload) {
    if (payload == null || payload.isMissingNode()) return "null";
    try {
      return Codec.json().writerWithDefaultPrettyPrinter().writeValueAsString(payload);
    } catch (JsonProcessingException e) {
      return visible(payload.toString());
    }
  }

  /** A multi-line message (a YAML {@code |} selector, a long error) on one line. */
  private static String oneLine(String s) {
    return visible(s.strip().replaceAll("\\s*\\n\\s*", " "));
  }

  private static String orDash(String s) {
    return s == null || s.isEmpty() ? "-" : visible(s);
  }

  /**
   * Control characters (an escape sequence in a discriminator, say) written as {@code \u001b}, so
   * that what a sender chose is shown, never obeyed by the terminal.
   */
  static String visible(String s) {
    if (s == null) return "";
    StringBuilder b = new StringBuilder(s.length());
    s.codePoints()
        .forEach(
            c -> {
              if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029 || isBidi(c)) {
                b.append(String.format("\\u%04x", c));
              } else {
                b.appendCodePoint(c);
              }
            });
    return b.toString();
  }

  /** Bidirectional overrides, which can make a name read as another. */
  private static boolean isBidi(int c) {
    return (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
  }

  private static void field(List<String> out, String label, String value) {
    out.add(String.format(FIELD, label, visible(value)).stripTrailing());
  }
}
