package dev.weft.kube.control;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.controller.artifact.ArtifactConfigException;
import dev.weft.controller.artifact.ArtifactRepositoryConfig;
import dev.weft.kube.pods.PodSettings;
import dev.weft.model.codec.Codec;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The keys of the controller's ConfigMap Weft reads, as in Argo's workflow-controller-configmap:
 * {@code artifactRepository}, {@code images} (entrypoints of images whose containers give no
 * command) and {@code workflowDefaults} (a partial Workflow every workflow is decided on with:
 * podGC, ttlStrategy, serviceAccountName, labels...) and {@code parallelism} (workflows running at
 * once, controller-wide). A missing ConfigMap means defaults; a key that does not parse is an error
 * naming it.
 *
 * @param artifactRepository the repository's config as JSON; null if none
 */
public record ControllerConfig(
    String artifactRepository,
    Map<String, List<String>> entrypoints,
    List<PodSettings.SecretKey> credentials,
    JsonNode workflowDefaults,
    int parallelism) {
  public static final ControllerConfig DEFAULTS =
      new ControllerConfig(null, Map.of(), List.of(), null, 0);

  public static ControllerConfig read(KubernetesClient client, String namespace, String name) {
    ConfigMap cm = client.configMaps().inNamespace(namespace).withName(name).get();
    if (cm == null || cm.getData() == null) return DEFAULTS;
    return parse(namespace + "/" + name, cm.getData());
  }

  static ControllerConfig parse(String where, Map<String, String> data) {
    String repository = null;
    List<PodSettings.SecretKey> credentials = new java.util.ArrayList<>();
    if (data.containsKey("artifactRepository")) {
      JsonNode repo = yaml(where, "artifactRepository", data.get("artifactRepository"));
      try {
        ArtifactRepositoryConfig.parse(
            Codec.toJson(repo), "ConfigMap " + where + " key artifactRepository");
      } catch (ArtifactConfigException e) {
        throw new IllegalArgumentException(e.getMessage());
      }
      repository = Codec.toJson(repo);
      for (String ref : List.of("accessKeySecret", "secretKeySecret")) {
        JsonNode secret = repo.path("s3").path(ref);
        if (secret.hasNonNull("name") && secret.hasNonNull("key")) {
          credentials.add(
              new PodSettings.SecretKey(secret.get("name").asText(), secret.get("key").asText()));
        }
      }
    }
    Map<String, List<String>> entrypoints = new LinkedHashMap<>();
    if (data.containsKey("images")) {
      JsonNode images = yaml(where, "images", data.get("images"));
      images
          .fields()
          .forEachRemaining(
              e -> {
                JsonNode command = e.getValue().path("cmd");
                if (!command.isArray()) {
                  throw new IllegalArgumentException(
                      "ConfigMap "
                          + where
                          + " key images: image "
                          + e.getKey()
                          + " needs cmd, a list of strings");
                }
                List<String> argv = new java.util.ArrayList<>();
                command.forEach(c -> argv.add(c.asText()));
                entrypoints.put(e.getKey(), List.copyOf(argv));
              });
    }
    JsonNode workflowDefaults =
        data.containsKey("workflowDefaults")
            ? yaml(where, "workflowDefaults", data.get("workflowDefaults"))
            : null;
    int parallelism = 0;
    if (data.containsKey("parallelism")) {
      try {
        parallelism = Integer.parseInt(data.get("parallelism").strip());
        if (parallelism < 0) throw new NumberFormatException();
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "ConfigMap "
                + where
                + " key parallelism: expected a whole number of at least 0, got \""
                + data.get("parallelism")
                + "\"");
      }
    }
    return new ControllerConfig(
        repository, entrypoints, credentials, workflowDefaults, parallelism);
  }

  private static JsonNode yaml(String where, String key, String text) {
    try {
      JsonNode node = Codec.yaml().readTree(text);
      if (node == null || !node.isObject()) {
        throw new IllegalArgumentException("expected a mapping");
      }
      return node;
    } catch (Exception e) {
      throw new IllegalArgumentException(
          "ConfigMap " + where + " key " + key + " is not valid YAML: " + e.getMessage());
    }
  }
}
