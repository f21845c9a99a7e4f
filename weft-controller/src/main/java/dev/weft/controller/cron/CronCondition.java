package dev.weft.controller.cron;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** An entry of {@code status.conditions}, as Argo's Condition. */
public record CronCondition(String type, String status, String message) {
  /** The spec is invalid (a bad schedule, policy or stop expression). */
  public static final String SPEC_ERROR = "SpecError";

  /** The last run could not be started. */
  public static final String SUBMISSION_ERROR = "SubmissionError";

  static CronCondition isTrue(String type, String message) {
    return new CronCondition(type, "True", message);
  }

  static CronCondition fromJson(JsonNode n) {
    return new CronCondition(
        ActiveRef.text(n, "type"), ActiveRef.text(n, "status"), ActiveRef.text(n, "message"));
  }

  ObjectNode toJson() {
    ObjectNode n = JsonNodeFactory.instance.objectNode();
    if (type != null) {
      n.put("type", type);
    }
    if (status != null) {
      n.put("status", status);
    }
    if (message != null && !message.isEmpty()) {
      n.put("message", message);
    }
    return n;
  }
}
