package dev.weft.executor;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How a pod ended: one outcome per container (init containers first, in spec order) and the reason
 * given to {@link RunningPod#kill} if it was killed.
 */
public record PodOutcome(Map<String, ContainerOutcome> containers, Optional<String> killedReason) {
  public PodOutcome {
    containers = Collections.unmodifiableMap(new LinkedHashMap<>(containers));
    Objects.requireNonNull(killedReason, "killedReason");
  }

  public ContainerOutcome container(String name) {
    ContainerOutcome outcome = containers.get(name);
    if (outcome == null) {
      throw new IllegalArgumentException("no container " + name);
    }
    return outcome;
  }
}
