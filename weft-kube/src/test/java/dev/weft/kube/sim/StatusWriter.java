package dev.weft.kube.sim;

import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStateBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodIPBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A pod's status as this kubelet sees it (the source of truth, as a kubelet's status manager holds
 * it), written whole through the {@code /status} subresource after each change: a PUT carrying the
 * resourceVersion just read, read again on 409. Never a PUT of the pod itself, which on the mock
 * would overwrite what others wrote (a real API server ignores status there).
 */
final class StatusWriter {
  private final KubernetesClient client;
  private final String namespace;
  private final String name;
  private final PodStatus status;

  StatusWriter(KubernetesClient client, Pod pod, List<String> inits, List<String> containers) {
    this.client = client;
    this.namespace = pod.getMetadata().getNamespace();
    this.name = pod.getMetadata().getName();
    this.status = new PodStatusBuilder().withPhase("Pending").build();
    status.setInitContainerStatuses(statuses(pod, inits, "PodInitializing"));
    status.setContainerStatuses(
        statuses(pod, containers, inits.isEmpty() ? "ContainerCreating" : "PodInitializing"));
  }

  private static List<ContainerStatus> statuses(Pod pod, List<String> names, String reason) {
    List<ContainerStatus> out = new ArrayList<>();
    for (String n : names) {
      String image =
          PodEnvironment.list(pod.getSpec().getInitContainers()).stream()
              .filter(c -> c.getName().equals(n))
              .findFirst()
              .or(
                  () ->
                      pod.getSpec().getContainers().stream()
                          .filter(c -> c.getName().equals(n))
                          .findFirst())
              .map(c -> c.getImage())
              .orElse("");
      out.add(
          new ContainerStatusBuilder()
              .withName(n)
              .withImage(image)
              .withImageID("")
              .withReady(false)
              .withRestartCount(0)
              .withStarted(false)
              .withState(waiting(reason, null))
              .build());
    }
    return out;
  }

  static String now() {
    return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
  }

  static String time(Instant t) {
    return t.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  static ContainerState waiting(String reason, String message) {
    return new ContainerStateBuilder()
        .withNewWaiting()
        .withReason(reason)
        .withMessage(message)
        .endWaiting()
        .build();
  }

  /** Applies a change to the status and writes it; a pod already gone is not written. */
  synchronized void update(Consumer<PodStatus> change) {
    change.accept(status);
    push();
  }

  synchronized PodStatus snapshot() {
    return new PodStatusBuilder(status).build();
  }

  synchronized String phase() {
    return status.getPhase();
  }

  private void push() {
    for (int attempt = 0; attempt < 50; attempt++) {
      Pod latest = client.pods().inNamespace(namespace).withName(name).get();
      if (latest == null) return;
      latest.setStatus(status);
      try {
        client.pods().inNamespace(namespace).resource(latest).updateStatus();
        return;
      } catch (KubernetesClientException e) {
        if (e.getCode() == 404) return;
        if (e.getCode() != 409) throw e;
      }
    }
    throw new IllegalStateException("status of " + namespace + "/" + name + " kept conflicting");
  }

  // --- helpers for the changes, applied inside update() ---

  static void condition(PodStatus s, String type, boolean value, String reason, String message) {
    List<PodCondition> conditions =
        s.getConditions() == null ? new ArrayList<>() : new ArrayList<>(s.getConditions());
    String wanted = value ? "True" : "False";
    PodCondition existing =
        conditions.stream().filter(c -> c.getType().equals(type)).findFirst().orElse(null);
    if (existing != null
        && existing.getStatus().equals(wanted)
        && Objects.equals(existing.getReason(), reason)
        && Objects.equals(existing.getMessage(), message)) {
      return;
    }
    PodCondition next =
        new PodConditionBuilder()
            .withType(type)
            .withStatus(wanted)
            .withReason(reason)
            .withMessage(message)
            .withLastProbeTime(null)
            .withLastTransitionTime(
                existing != null && existing.getStatus().equals(wanted)
                    ? existing.getLastTransitionTime()
                    : now())
            .build();
    if (existing != null) conditions.set(conditions.indexOf(existing), next);
    else conditions.add(next);
    s.setConditions(conditions);
  }

  static void addresses(PodStatus s) {
    s.setHostIP(FieldRefs.POD_IP);
    s.setPodIP(FieldRefs.POD_IP);
    s.setPodIPs(List.of(new PodIPBuilder().withIp(FieldRefs.POD_IP).build()));
  }

  static ContainerStatus container(PodStatus s, String name) {
    for (ContainerStatus c : s.getInitContainerStatuses()) if (c.getName().equals(name)) return c;
    for (ContainerStatus c : s.getContainerStatuses()) if (c.getName().equals(name)) return c;
    throw new IllegalArgumentException("no container " + name);
  }

  static void running(PodStatus s, String name, Instant startedAt) {
    ContainerStatus c = container(s, name);
    c.setStarted(true);
    c.setReady(true);
    c.setState(
        new ContainerStateBuilder()
            .withNewRunning()
            .withStartedAt(time(startedAt))
            .endRunning()
            .build());
  }

  static void terminated(
      PodStatus s,
      String name,
      int exitCode,
      String reason,
      String message,
      Instant startedAt,
      Instant finishedAt) {
    ContainerStatus c = container(s, name);
    c.setStarted(false);
    c.setReady(false);
    c.setState(
        new ContainerStateBuilder()
            .withNewTerminated()
            .withExitCode(exitCode)
            .withReason(reason)
            .withMessage(message)
            .withStartedAt(time(startedAt))
            .withFinishedAt(time(finishedAt))
            .withContainerID("weft-sim://" + name)
            .endTerminated()
            .build());
  }

  static void waitingAll(PodStatus s, String reason, String message) {
    for (ContainerStatus c : s.getInitContainerStatuses()) {
      if (c.getState().getWaiting() != null) c.setState(waiting(reason, message));
    }
    for (ContainerStatus c : s.getContainerStatuses()) {
      if (c.getState().getWaiting() != null) c.setState(waiting(reason, message));
    }
  }
}
