package dev.weft.model.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A Kubernetes container. Argo's script template adds {@code source}; a containerSet entry adds
 * {@code dependencies}; one record serves the three so they share their fields.
 */
public record Container(
    String name,
    String image,
    List<String> command,
    List<String> args,
    String workingDir,
    JsonNode ports,
    JsonNode envFrom,
    List<EnvVar> env,
    Resources resources,
    JsonNode resizePolicy,
    String restartPolicy,
    List<VolumeMount> volumeMounts,
    JsonNode volumeDevices,
    JsonNode livenessProbe,
    JsonNode readinessProbe,
    JsonNode startupProbe,
    JsonNode lifecycle,
    String terminationMessagePath,
    String terminationMessagePolicy,
    String imagePullPolicy,
    JsonNode securityContext,
    Boolean stdin,
    Boolean stdinOnce,
    Boolean tty,
    String source,
    List<String> dependencies,
    Boolean mirrorVolumeMounts) {

  public List<String> commandOrEmpty() {
    return command == null ? List.of() : command;
  }

  public List<String> argsOrEmpty() {
    return args == null ? List.of() : args;
  }

  public List<EnvVar> envOrEmpty() {
    return env == null ? List.of() : env;
  }

  public List<VolumeMount> volumeMountsOrEmpty() {
    return volumeMounts == null ? List.of() : volumeMounts;
  }

  public List<String> dependenciesOrEmpty() {
    return dependencies == null ? List.of() : dependencies;
  }

  public record EnvVar(String name, String value, JsonNode valueFrom) {}

  public record Resources(JsonNode limits, JsonNode requests, JsonNode claims) {}
}
