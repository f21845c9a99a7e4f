package dev.weft.controller.cron;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A CronWorkflow's status with Argo's CronWorkflowStatus fields: {@code active}, {@code
 * lastScheduledTime}, {@code conditions}, {@code succeeded}, {@code failed}, {@code phase}. The
 * model keeps it as JSON; {@link #fromJson} and {@link #toJson} convert.
 */
public record CronStatus(
    List<ActiveRef> active,
    Optional<Instant> lastScheduledTime,
    List<CronCondition> conditions,
    long succeeded,
    long failed,
    Optional<CronPhase> phase) {

  public static final CronStatus EMPTY =
      new CronStatus(List.of(), Optional.empty(), List.of(), 0, 0, Optional.empty());

  public CronStatus {
    active = List.copyOf(active);
    conditions = List.copyOf(conditions);
  }

  /** Reads a stored status; missing or null fields take their zero values. */
  public static CronStatus fromJson(JsonNode n) {
    if (n == null || !n.isObject()) {
      return EMPTY;
    }
    List<ActiveRef> active = new ArrayList<>();
    n.path("active").forEach(a -> active.add(ActiveRef.fromJson(a)));
    List<CronCondition> conditions = new ArrayList<>();
    n.path("conditions").forEach(c -> conditions.add(CronCondition.fromJson(c)));
    String last = ActiveRef.text(n, "lastScheduledTime");
    return new CronStatus(
        active,
        last == null || last.isEmpty() ? Optional.empty() : Optional.of(Instant.parse(last)),
        conditions,
        n.path("succeeded").asLong(0),
        n.path("failed").asLong(0),
        CronPhase.of(n.path("phase").asText("")));
  }

  /** The status as Go's encoding/json writes Argo's CronWorkflowStatus (empty lists are null). */
  public ObjectNode toJson() {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode n = f.objectNode();
    if (active.isEmpty()) {
      n.putNull("active");
    } else {
      ArrayNode a = n.putArray("active");
      active.forEach(r -> a.add(r.toJson()));
    }
    if (lastScheduledTime.isPresent()) {
      n.put("lastScheduledTime", format(lastScheduledTime.get()));
    } else {
      n.putNull("lastScheduledTime");
    }
    if (conditions.isEmpty()) {
      n.putNull("conditions");
    } else {
      ArrayNode c = n.putArray("conditions");
      conditions.forEach(x -> c.add(x.toJson()));
    }
    n.put("succeeded", succeeded);
    n.put("failed", failed);
    n.put("phase", phase.map(CronPhase::label).orElse(""));
    return n;
  }

  /** metav1.Time's format: RFC 3339 in UTC, whole seconds. */
  static String format(Instant t) {
    return DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(ChronoUnit.SECONDS));
  }

  public boolean hasActive(String uid) {
    return active.stream().anyMatch(r -> r.uid() != null && r.uid().equals(uid));
  }

  public boolean stopped() {
    return phase.equals(Optional.of(CronPhase.STOPPED));
  }

  public Optional<CronCondition> condition(String type) {
    return conditions.stream().filter(c -> type.equals(c.type())).findFirst();
  }

  CronStatus withActive(List<ActiveRef> newActive) {
    return new CronStatus(newActive, lastScheduledTime, conditions, succeeded, failed, phase);
  }

  CronStatus plusActive(ActiveRef ref) {
    List<ActiveRef> more = new ArrayList<>(active);
    more.add(ref);
    return withActive(more);
  }

  CronStatus withoutActive(String uid) {
    return withActive(active.stream().filter(r -> uid == null || !uid.equals(r.uid())).toList());
  }

  CronStatus withLastScheduledTime(Instant t) {
    return new CronStatus(active, Optional.of(t), conditions, succeeded, failed, phase);
  }

  CronStatus withPhase(CronPhase p) {
    return new CronStatus(active, lastScheduledTime, conditions, succeeded, failed, Optional.of(p));
  }

  CronStatus plusSucceeded() {
    return new CronStatus(active, lastScheduledTime, conditions, succeeded + 1, failed, phase);
  }

  CronStatus plusFailed() {
    return new CronStatus(active, lastScheduledTime, conditions, succeeded, failed + 1, phase);
  }

  /** Argo's UpsertCondition: replaces the condition of the same type, else appends. */
  CronStatus withCondition(String type, String message) {
    List<CronCondition> out = new ArrayList<>();
    boolean replaced = false;
    for (CronCondition c : conditions) {
      if (type.equals(c.type())) {
        out.add(CronCondition.isTrue(type, message));
        replaced = true;
      } else {
        out.add(c);
      }
    }
    if (!replaced) {
      out.add(CronCondition.isTrue(type, message));
    }
    return new CronStatus(active, lastScheduledTime, out, succeeded, failed, phase);
  }

  CronStatus withoutCondition(String type) {
    List<CronCondition> out = conditions.stream().filter(c -> !type.equals(c.type())).toList();
    return new CronStatus(active, lastScheduledTime, out, succeeded, failed, phase);
  }
}
