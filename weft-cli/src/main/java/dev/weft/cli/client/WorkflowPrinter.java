package dev.weft.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.cli.view.NodeTree;
import dev.weft.model.ObjectMeta;
import dev.weft.model.Workflow;
import dev.weft.model.spec.Artifact;
import dev.weft.model.spec.Parameter;
import dev.weft.model.spec.WorkflowSpec;
import dev.weft.model.status.NodePhase;
import dev.weft.model.status.NodeType;
import dev.weft.model.status.WorkflowPhase;
import dev.weft.model.status.WorkflowStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A workflow as `argo get` prints it: a summary, parameters and outputs, then the node tree. */
public final class WorkflowPrinter {
  static final String DELIVERY_LABEL = "events.weft.dev/delivery";
  static final String BINDING_LABEL = "workflows.argoproj.io/workflow-event-binding";

  private WorkflowPrinter() {}

  public static List<String> describe(Workflow wf, boolean wide, Instant now) {
    List<String> out = new ArrayList<>();
    ObjectMeta m = wf.metadata();
    WorkflowSpec spec = wf.spec();
    WorkflowStatus s = wf.status() == null ? WorkflowStatus.empty() : wf.status();
    field(out, "Name:", m.name());
    field(out, "Namespace:", m.namespaceOrDefault());
    field(out, "ServiceAccount:", serviceAccount(spec));
    String trigger = triggeredBy(m);
    if (trigger != null) field(out, "Triggered by:", trigger);
    field(out, "Status:", status(wf));
    if (s.message() != null && !s.message().isEmpty()) field(out, "Message:", s.message());
    if (s.conditions() != null && s.conditions().isArray() && !s.conditions().isEmpty()) {
      field(out, "Conditions:", "");
      for (JsonNode c : s.conditions()) {
        String text = c.path("message").asText("");
        field(
            out, " " + c.path("type").asText(), text.isEmpty() ? c.path("status").asText() : text);
      }
    }
    Instant created = Humanize.parse(m.creationTimestamp());
    if (created != null) field(out, "Created:", Humanize.timestamp(created, now));
    if (s.startedAt() != null) field(out, "Started:", Humanize.timestamp(s.startedAt(), now));
    if (s.finishedAt() != null) field(out, "Finished:", Humanize.timestamp(s.finishedAt(), now));
    if (s.startedAt() != null) {
      field(out, "Duration:", Humanize.duration(s.startedAt(), s.finishedAt(), now));
    }
    field(out, "Progress:", s.progress() == null ? "" : s.progress());
    List<Parameter> params = spec == null ? List.of() : spec.argumentsOrEmpty().parametersOrEmpty();
    if (!params.isEmpty()) {
      field(out, "Parameters:", "");
      for (Parameter p : params)
        if (p.value() != null) field(out, "  " + p.name() + ":", p.value());
    }
    outputs(out, s);
    if (s.nodesOrEmpty().containsKey(m.name())) {
      out.add("");
      out.addAll(NodeTree.render(m.name(), s, now, wide));
    }
    return out;
  }

  /** Argo's status column: the phase, qualified when suspended or terminated. */
  public static String status(Workflow wf) {
    WorkflowPhase phase = wf.status() == null ? null : wf.status().phase();
    if (phase == null) return "Pending";
    if (phase == WorkflowPhase.RUNNING && suspended(wf)) return "Running (Suspended)";
    boolean shutdown = wf.spec() != null && wf.spec().shutdown() != null;
    if (phase == WorkflowPhase.FAILED && shutdown) return "Failed (Terminated)";
    return phase.label();
  }

  public static boolean completed(Workflow wf) {
    return wf.completed();
  }

  /** Suspended as a whole (spec.suspend) or waiting in a suspend node. */
  static boolean suspended(Workflow wf) {
    if (wf.spec() != null && Boolean.TRUE.equals(wf.spec().suspend())) return true;
    return wf.status().nodesOrEmpty().values().stream()
        .anyMatch(n -> n.type() == NodeType.Suspend && n.phase() == NodePhase.RUNNING);
  }

  /**
   * The event delivery that started the workflow, from the labels the dispatcher sets; null for a
   * workflow no event started.
   */
  static String triggeredBy(ObjectMeta m) {
    String delivery = m.labels() == null ? null : m.labels().get(DELIVERY_LABEL);
    if (delivery == null || delivery.isEmpty()) return null;
    String binding = m.labels().get(BINDING_LABEL);
    return "event delivery "
        + delivery
        + (binding == null || binding.isEmpty() ? "" : " (binding " + binding + ")");
  }

  private static String serviceAccount(WorkflowSpec spec) {
    if (spec != null && spec.serviceAccountName() != null && !spec.serviceAccountName().isEmpty()) {
      return spec.serviceAccountName();
    }
    // as argo says it: a template's account may still apply
    return spec != null && spec.workflowTemplateRef() != null
        ? "unset"
        : "unset (will run with the default ServiceAccount)";
  }

  private static void outputs(List<String> out, WorkflowStatus s) {
    if (s.outputs() == null) return;
    if (!s.outputs().parametersOrEmpty().isEmpty()) {
      field(out, "Output Parameters:", "");
      for (Parameter p : s.outputs().parametersOrEmpty()) {
        if (p.value() != null) field(out, "  " + p.name() + ":", p.value());
      }
    }
    if (!s.outputs().artifactsOrEmpty().isEmpty()) {
      field(out, "Output Artifacts:", "");
      for (Artifact a : s.outputs().artifactsOrEmpty()) {
        String key = a.s3() != null && a.s3().has("key") ? a.s3().get("key").asText() : "";
        field(out, "  " + a.name() + ":", key);
      }
    }
  }

  /** Argo's {@code %-20s %v}. */
  static void field(List<String> out, String label, String value) {
    out.add(String.format("%-20s %s", label, value == null ? "" : value).stripTrailing());
  }
}
