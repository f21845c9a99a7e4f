package dev.weft.kube.pods;

import java.util.Map;

/**
 * How the controller builds step pods.
 *
 * @param executorImage the image with `weft` and the launcher, for the init and wait containers
 * @param instanceId Argo's controller instance id, stamped on pods; null for none
 * @param entrypoints image entrypoints for wrapped containers that give no command (Argo's {@code
 *     images} config), beside the ones Weft knows
 * @param artifactRepository the S3 repository's config as JSON, for the init and wait containers;
 *     null when none is configured
 * @param credentials the Secret keys the repository's credentials are in
 */
public record PodSettings(
    String executorImage,
    String instanceId,
    Map<String, java.util.List<String>> entrypoints,
    String artifactRepository,
    java.util.List<SecretKey> credentials) {
  public static final String DEFAULT_EXECUTOR_IMAGE = "ghcr.io/weft-dev/weft:0.1.0";

  /** A key of a Secret the executor containers get as env (the repository's credentials). */
  public record SecretKey(String name, String key) {}

  public PodSettings {
    entrypoints = Map.copyOf(entrypoints);
    credentials = java.util.List.copyOf(credentials);
  }
}
