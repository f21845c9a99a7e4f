package dev.weft.controller.provenance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.model.ConfigMap;
import dev.weft.model.ObjectMeta;
import dev.weft.model.Secret;
import dev.weft.model.codec.Codec;
import dev.weft.model.spec.WorkflowSpec;
import dev.weft.provenance.CanonicalJson;
import dev.weft.provenance.statement.ResourceDescriptor;
import dev.weft.store.Store;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The ConfigMaps and Secrets a run's specs refer to: {@code configMapKeyRef}, {@code configMapRef},
 * a {@code configMap} volume, {@code artifactRepositoryRef.configMap}; {@code secretKeyRef}, {@code
 * secretRef}, a {@code secret} volume, {@code imagePullSecrets} and every {@code *Secret} selector
 * of an artifact location (accessKeySecret, passwordSecret, sshPrivateKeySecret, ...). A name that
 * is still an expression ({@code {{...}}}) names nothing fixed and is left out.
 *
 * <p>A ConfigMap is described by the sha256 of its data (canonical JSON of {@code data} and {@code
 * binaryData}). A Secret is described by its name and resourceVersion ONLY: a digest of a short
 * secret value could be guessed by trying values, so nothing derived from its content is written.
 */
final class ObjectRefs {
  private final Set<String> configMaps = new TreeSet<>();
  private final Set<String> secrets = new TreeSet<>();

  ObjectRefs(List<WorkflowSpec> specs) {
    for (WorkflowSpec spec : specs) walk(Codec.tree(spec));
  }

  private void walk(JsonNode node) {
    if (node.isArray()) {
      node.forEach(this::walk);
      return;
    }
    if (!node.isObject()) return;
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      var field = it.next();
      String key = field.getKey();
      JsonNode value = field.getValue();
      switch (key) {
        case "configMapKeyRef", "configMapRef" -> add(configMaps, value, "name");
        case "configMap" -> { // a volume's {name}, or artifactRepositoryRef's plain name
          if (value.isTextual()) add(configMaps, node, "configMap");
          else add(configMaps, value, "name");
        }
        case "secretKeyRef", "secretRef" -> add(secrets, value, "name");
        case "secret" -> add(secrets, value, value.has("secretName") ? "secretName" : "name");
        case "imagePullSecrets" -> value.forEach(v -> add(secrets, v, "name"));
        default -> {
          if (key.endsWith("Secret") && value.isObject() && value.has("key")) {
            add(secrets, value, "name");
          }
        }
      }
      walk(value);
    }
  }

  private static void add(Set<String> to, JsonNode ref, String field) {
    JsonNode name = ref.path(field);
    if (name.isTextual() && !name.asText().isBlank() && !name.asText().contains("{{")) {
      to.add(name.asText());
    }
  }

  Set<String> secretNames() {
    return secrets;
  }

  List<ResourceDescriptor> dependencies(Store store, String namespace) {
    List<ResourceDescriptor> out = new ArrayList<>();
    for (String name : configMaps) {
      String uri = "weft:configmaps/" + namespace + "/" + name;
      Optional<ConfigMap> cm = store.get(ConfigMap.class, namespace, name);
      if (cm.isEmpty()) {
        out.add(ResourceDescriptor.at(uri, Map.of(), Map.of("weft_source", "missing")));
        continue;
      }
      ObjectNode content = JsonNodeFactory.instance.objectNode();
      if (cm.get().data() != null) content.set("data", Codec.tree(cm.get().data()));
      if (cm.get().binaryData() != null) {
        content.set("binaryData", Codec.tree(cm.get().binaryData()));
      }
      out.add(
          ResourceDescriptor.at(
              uri, Map.of("sha256", CanonicalJson.sha256(content)), version(cm.get().metadata())));
    }
    for (String name : secrets) {
      String uri = "weft:secrets/" + namespace + "/" + name;
      Optional<Secret> secret = store.get(Secret.class, namespace, name);
      out.add(
          ResourceDescriptor.at(
              uri,
              Map.of(), // never a digest: see the class comment
              secret.isEmpty()
                  ? Map.of("weft_source", "missing")
                  : version(secret.get().metadata())));
    }
    return out;
  }

  private static Map<String, String> version(ObjectMeta meta) {
    Map<String, String> out = new LinkedHashMap<>();
    if (meta.resourceVersion() != null) out.put("resourceVersion", meta.resourceVersion());
    return out;
  }
}
