package dev.weft.engine;

import dev.weft.model.ClusterWorkflowTemplate;
import dev.weft.model.ConfigMap;
import dev.weft.model.Secret;
import dev.weft.model.WorkflowTemplate;
import java.util.Map;
import java.util.Optional;

/** The objects a workflow may refer to, read before the engine runs (it does no I/O itself). */
public record Library(
    Map<String, WorkflowTemplate> workflowTemplates,
    Map<String, ClusterWorkflowTemplate> clusterWorkflowTemplates,
    Map<String, ConfigMap> configMaps,
    Map<String, Secret> secrets) {

  public static final Library EMPTY = new Library(Map.of(), Map.of(), Map.of(), Map.of());

  public Optional<ConfigMap> configMap(String name) {
    return Optional.ofNullable(configMaps.get(name));
  }

  public Optional<Secret> secret(String name) {
    return Optional.ofNullable(secrets.get(name));
  }
}
