package dev.weft.controller.cron;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.model.CronWorkflow;
import dev.weft.model.ObjectMeta;
import dev.weft.model.Workflow;
import dev.weft.model.status.WorkflowPhase;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The workflows a CronWorkflow starts, as Argo's ConvertCronWorkflowToWorkflowWithProperties makes
 * them, and the facts about them the cron controller needs.
 */
final class ChildWorkflows {
  private static final String DEFAULT_API_VERSION = "argoproj.io/v1alpha1";
  private static final DateTimeFormatter RFC3339 =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");
  private static final List<String> PROPAGATED_LABELS =
      List.of(
          "workflows.argoproj.io/creator",
          "workflows.argoproj.io/creator-email",
          "workflows.argoproj.io/creator-preferred-username",
          CronLabels.CONTROLLER_INSTANCE_ID);

  private ChildWorkflows() {}

  /** {@code <cron>-<unix seconds>}: one name per scheduled time, so a run is never doubled. */
  static String name(String cron, Instant scheduled) {
    return cron + "-" + scheduled.getEpochSecond();
  }

  /**
   * The workflow to start for {@code scheduled}: the workflowSpec; the cron-workflow label, the
   * creator and instance-id labels, workflowMetadata's labels, annotations and finalizers; the
   * scheduled-time annotation (RFC 3339 in {@code zone}); the CronWorkflow as controller owner.
   */
  static Workflow build(CronWorkflow cron, Instant scheduled, ZoneId zone) {
    ObjectMeta cm = cron.metadata();
    Map<String, String> labels = new LinkedHashMap<>();
    for (String key : PROPAGATED_LABELS) {
      String v = cm.labelsOrEmpty().get(key);
      if (v != null) {
        labels.put(key, v);
      }
    }
    labels.put(CronLabels.CRON_WORKFLOW, cm.name());
    Map<String, String> annotations = new LinkedHashMap<>();
    annotations.put(CronLabels.SCHEDULED_TIME, RFC3339.format(scheduled.atZone(zone)));
    JsonNode wm = cron.spec().workflowMetadata();
    List<String> finalizers = new ArrayList<>();
    if (wm != null) {
      wm.path("labels").properties().forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
      wm.path("annotations")
          .properties()
          .forEach(e -> annotations.put(e.getKey(), e.getValue().asText()));
      wm.path("finalizers").forEach(f -> finalizers.add(f.asText()));
    }
    String apiVersion = cron.apiVersion() == null ? DEFAULT_API_VERSION : cron.apiVersion();
    ObjectMeta meta =
        new ObjectMeta(
            name(cm.name(), scheduled),
            null,
            cm.namespaceOrDefault(),
            labels,
            annotations,
            null,
            null,
            null,
            null,
            null,
            finalizers.isEmpty() ? null : finalizers,
            List.of(ownerReference(cron, apiVersion)));
    return new Workflow(apiVersion, "Workflow", meta, cron.spec().workflowSpec(), null);
  }

  private static JsonNode ownerReference(CronWorkflow cron, String apiVersion) {
    ObjectNode ref = JsonNodeFactory.instance.objectNode();
    ref.put("apiVersion", apiVersion);
    ref.put("kind", "CronWorkflow");
    ref.put("name", cron.metadata().name());
    ref.put("uid", cron.metadata().uid());
    ref.put("controller", true);
    ref.put("blockOwnerDeletion", true);
    return ref;
  }

  /** Whether {@code wf}'s controller owner is the CronWorkflow with this uid. */
  static boolean ownedBy(Workflow wf, String uid) {
    List<JsonNode> refs = wf.metadata().ownerReferences();
    if (refs == null || uid == null) {
      return false;
    }
    return refs.stream()
        .anyMatch(
            r ->
                r.path("controller").asBoolean(false)
                    && "CronWorkflow".equals(r.path("kind").asText())
                    && uid.equals(r.path("uid").asText()));
  }

  /** Argo's Fulfilled: Succeeded, Failed or Error. */
  static boolean completed(Workflow wf) {
    return phase(wf) != null && phase(wf).completed();
  }

  static boolean succeeded(Workflow wf) {
    return phase(wf) == WorkflowPhase.SUCCEEDED;
  }

  private static WorkflowPhase phase(Workflow wf) {
    return wf.status() == null ? null : wf.status().phase();
  }
}
