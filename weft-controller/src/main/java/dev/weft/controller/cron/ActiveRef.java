package dev.weft.controller.cron;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.model.Workflow;

/** An entry of {@code status.active}: a Kubernetes ObjectReference to a running child workflow. */
public record ActiveRef(
    String kind,
    String apiVersion,
    String name,
    String namespace,
    String uid,
    String resourceVersion) {

  static ActiveRef of(Workflow wf) {
    return new ActiveRef(
        "Workflow",
        wf.apiVersion() == null ? "argoproj.io/v1alpha1" : wf.apiVersion(),
        wf.metadata().name(),
        wf.metadata().namespaceOrDefault(),
        wf.metadata().uid(),
        wf.metadata().resourceVersion());
  }

  static ActiveRef fromJson(JsonNode n) {
    return new ActiveRef(
        text(n, "kind"),
        text(n, "apiVersion"),
        text(n, "name"),
        text(n, "namespace"),
        text(n, "uid"),
        text(n, "resourceVersion"));
  }

  ObjectNode toJson() {
    ObjectNode n = JsonNodeFactory.instance.objectNode();
    put(n, "kind", kind);
    put(n, "namespace", namespace);
    put(n, "name", name);
    put(n, "uid", uid);
    put(n, "apiVersion", apiVersion);
    put(n, "resourceVersion", resourceVersion);
    return n;
  }

  static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static void put(ObjectNode n, String field, String value) {
    if (value != null && !value.isEmpty()) {
      n.put(field, value);
    }
  }
}
