package dev.weft.controller.pod;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.engine.Library;
import dev.weft.model.Workflow;
import dev.weft.model.spec.Container;
import java.util.LinkedHashMap;
import java.util.Map;

/** A container's environment: plain values, and values from ConfigMaps, Secrets and the pod. */
final class PodEnv {
  private final Library lib;
  private final String podName;
  private final Workflow wf;

  PodEnv(Library lib, String podName, Workflow wf) {
    this.lib = lib;
    this.podName = podName;
    this.wf = wf;
  }

  Map<String, String> of(Container c) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("ARGO_POD_NAME", podName);
    env.put("ARGO_WORKFLOW_NAME", wf.metadata().name());
    for (Container.EnvVar e : c.envOrEmpty()) {
      String v = e.value() != null ? e.value() : from(e.valueFrom());
      if (v != null) env.put(e.name(), v);
    }
    return env;
  }

  private String from(JsonNode vf) {
    if (vf == null) return null;
    JsonNode cm = vf.get("configMapKeyRef");
    if (cm != null) {
      return lib.configMap(cm.path("name").asText())
          .map(c -> c.dataOrEmpty().get(cm.path("key").asText()))
          .orElse(null);
    }
    JsonNode sec = vf.get("secretKeyRef");
    if (sec != null) {
      return lib.secret(sec.path("name").asText())
          .map(s -> s.decoded().get(sec.path("key").asText()))
          .orElse(null);
    }
    JsonNode field = vf.get("fieldRef");
    if (field != null) {
      return switch (field.path("fieldPath").asText()) {
        case "metadata.name" -> podName;
        case "metadata.namespace" -> wf.metadata().namespaceOrDefault();
        case "status.podIP", "status.hostIP" -> "127.0.0.1";
        case "spec.nodeName" -> "localhost";
        default -> null;
      };
    }
    return null;
  }
}
