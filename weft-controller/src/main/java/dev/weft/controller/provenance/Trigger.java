package dev.weft.controller.provenance;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.controller.cron.CronLabels;
import dev.weft.engine.rerun.Resubmit;
import dev.weft.engine.rerun.Retry;
import dev.weft.model.ObjectMeta;

/**
 * What started a run, read from the marks Argo and Weft leave on the workflow: the latest action
 * wins (a retry of a resubmitted cron child is a retry), and every mark present is kept as a
 * detail. These come from the workflow's metadata, which a submitter can set: like all
 * externalParameters they are claims to check, not facts Weft vouches for.
 */
record Trigger(String kind, ObjectNode details) {
  /** Argo's label on a workflow an event binding submitted; its value is the binding's name. */
  static final String EVENT_BINDING_LABEL = "workflows.argoproj.io/workflow-event-binding";

  /** Weft's label and annotation naming the delivered event (the event helper's record). */
  static final String EVENT_LABEL = "weft.dev/event";

  static final String EVENT_UID_ANNOTATION = "weft.dev/event-uid";

  static Trigger of(ObjectMeta meta) {
    var labels = meta.labelsOrEmpty();
    var annotations = meta.annotationsOrEmpty();
    ObjectNode details = JsonNodeFactory.instance.objectNode();
    String kind = "submit";
    String cron = labels.get(CronLabels.CRON_WORKFLOW);
    if (cron != null) {
      kind = "cron";
      details.put("cronWorkflow", cron);
    }
    String binding = labels.get(EVENT_BINDING_LABEL);
    if (binding != null) {
      kind = "event";
      ObjectNode event = details.putObject("event").put("binding", binding);
      String id = annotations.getOrDefault(EVENT_UID_ANNOTATION, labels.get(EVENT_LABEL));
      if (id != null) event.put("id", id);
    }
    String from = labels.get(Resubmit.FROM_LABEL);
    if (from != null) {
      kind = "resubmit";
      details.put("resubmittedFrom", from);
    }
    String retries = annotations.get(Retry.RETRIES_ANNOTATION);
    if (retries != null) {
      kind = "retry";
      details.put("retries", retries);
    }
    return new Trigger(kind, details);
  }
}
