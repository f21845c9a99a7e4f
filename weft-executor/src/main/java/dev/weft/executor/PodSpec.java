package dev.weft.executor;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A pod: init containers run one after another (the first failure fails the pod and the rest do not
 * run); then every container starts once its {@link ContainerSpec#dependencies()} ended
 * successfully. Sidecars start with the rest and are killed once all non-sidecar containers ended.
 *
 * @param name the pod name, also the containers' hostname
 * @param workDir a host directory the executor owns for this pod (container roots and logs)
 */
public record PodSpec(
    String name,
    List<ContainerSpec> initContainers,
    List<ContainerSpec> containers,
    Set<String> sidecars,
    Path workDir) {

  public PodSpec {
    Objects.requireNonNull(name, "name");
    initContainers = List.copyOf(initContainers);
    containers = List.copyOf(containers);
    sidecars = Set.copyOf(sidecars);
    Objects.requireNonNull(workDir, "workDir");
    Set<String> seen = new HashSet<>();
    for (ContainerSpec c : Stream.concat(initContainers.stream(), containers.stream()).toList()) {
      if (!seen.add(c.name())) {
        throw new IllegalArgumentException("duplicate container name: " + c.name());
      }
    }
    List<ContainerSpec> mains = containers;
    for (String sidecar : sidecars) {
      if (mains.stream().noneMatch(c -> c.name().equals(sidecar))) {
        throw new IllegalArgumentException("sidecar is not a container of the pod: " + sidecar);
      }
    }
  }

  /** A pod of plain containers: no init containers, no sidecars. */
  public static PodSpec of(String name, Path workDir, List<ContainerSpec> containers) {
    return new PodSpec(name, List.of(), containers, Set.of(), workDir);
  }

  /** Init containers followed by containers, in spec order. */
  public List<ContainerSpec> allContainers() {
    return Stream.concat(initContainers.stream(), containers.stream()).toList();
  }

  public ContainerSpec container(String containerName) {
    return allContainers().stream()
        .filter(c -> c.name().equals(containerName))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no container " + containerName));
  }
}
