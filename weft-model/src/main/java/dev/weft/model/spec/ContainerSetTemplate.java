package dev.weft.model.spec;

import java.util.List;

public record ContainerSetTemplate(
    List<Container> containers, List<VolumeMount> volumeMounts, JsonRetry retryStrategy) {

  /** containerSet's own retry: {@code retries} and {@code duration}. */
  public record JsonRetry(String retries, String duration) {}
}
