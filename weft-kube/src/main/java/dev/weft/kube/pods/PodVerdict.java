package dev.weft.kube.pods;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.engine.event.Event;
import dev.weft.kube.store.KubeStore;
import dev.weft.model.spec.Outputs;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a Pod's status (and its task result) tells the engine, as Argo's controller reads it: the
 * node ends when the pod is terminal and, for a wrapped pod, its outputs are reported or the wait
 * container failed. The exit code is main's, from the pod status.
 */
public final class PodVerdict {
  private PodVerdict() {}

  /** Our own containers: their failure is an Error, not the step's failure. */
  static final Set<String> EXECUTOR = Set.of("init", "init-artifacts", "wait");

  /** Whether any container of the pod has started. */
  public static boolean started(Pod pod) {
    if (pod.getStatus() == null) return false;
    if ("Running".equals(pod.getStatus().getPhase())) return true;
    for (ContainerStatus c : statuses(pod)) {
      if (c.getState() != null
          && (c.getState().getRunning() != null || c.getState().getTerminated() != null)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The node's end, once the pod tells it; empty while it runs or its outputs are on their way.
   *
   * @param members the containers whose failure fails the node (a containerSet's)
   * @param result the WorkflowTaskResult as JSON, if there is one
   */
  public static Optional<Event.PodFinished> finished(
      String nodeId,
      String main,
      Set<String> members,
      Pod pod,
      Optional<JsonNode> result,
      Instant now) {
    var status = pod.getStatus();
    String phase = status == null ? null : status.getPhase();
    if (!"Succeeded".equals(phase) && !"Failed".equals(phase)) return Optional.empty();
    boolean lean =
        "true"
            .equals(
                pod.getMetadata().getAnnotations() == null
                    ? null
                    : pod.getMetadata().getAnnotations().get(PodProtocol.LEAN_ANNOTATION));
    Optional<ContainerStatus> mainStatus = container(pod, main);
    Instant started = time(mainStatus.map(PodVerdict::startedAt).orElse(null), now);
    Instant ended = time(mainStatus.map(PodVerdict::finishedAt).orElse(null), now);
    String reason = status.getReason();
    String message = status.getMessage();
    Optional<ContainerStatus> wait = container(pod, "wait");
    boolean waitFailed = wait.map(c -> exitCode(c) != 0).orElse(false);
    boolean reported =
        result.map(r -> "true".equals(label(r, PodProtocol.RESULT_COMPLETED_LABEL))).orElse(false);
    if (!lean && !reported && !waitFailed && !"Evicted".equals(reason)) {
      boolean mainRan = mainStatus.map(c -> terminated(c)).orElse(false);
      boolean outputsComing = mainStatus.map(c -> !launcherDied(c)).orElse(false);
      if (mainRan
          && outputsComing
          && wait.map(c -> !terminated(c) || exitCode(c) == 0).orElse(true)) {
        return Optional.empty(); // the outputs are on their way
      }
    }
    for (ContainerStatus c : initStatuses(pod)) {
      if (terminated(c) && exitCode(c) != 0) {
        int code = exitCode(c);
        if (EXECUTOR.contains(c.getName())) {
          return Optional.of(
              error(nodeId, c.getName() + " container failed" + why(c), started, ended));
        }
        return Optional.of(
            new Event.PodFinished(
                nodeId, code, Optional.empty(), exitOnly(code), started, ended, null));
      }
    }
    if (mainStatus.isEmpty() || !terminated(mainStatus.get())) {
      String why = message != null ? message : reason != null ? reason : "main did not run";
      if (message != null) {
        return Optional.of(
            new Event.PodFinished(nodeId, 1, Optional.empty(), exitOnly(1), started, ended, why));
      }
      return Optional.of(error(nodeId, "pod failed before main ran: " + why, started, ended));
    }
    int code = exitCode(mainStatus.get());
    for (ContainerStatus c : statuses(pod)) {
      if (code == 0 && !EXECUTOR.contains(c.getName()) && !c.getName().equals(main)) {
        if (members.contains(c.getName()) && exitCode(c) != 0) {
          code = exitCode(c);
        }
      }
    }
    Outputs outputs = outputs(result, code);
    if (waitFailed) {
      return Optional.of(
          error(nodeId, "wait container failed" + why(wait.get()), started, ended, outputs));
    }
    String failure = null;
    String terminatedReason = mainStatus.get().getState().getTerminated().getReason();
    if ("OOMKilled".equals(terminatedReason)) failure = "OOMKilled (exit code " + code + ")";
    else if (message != null && code != 0) failure = message;
    Optional<String> reportedError =
        result.map(r -> r.path("message").asText(null)).filter(m -> !m.isEmpty());
    if (reportedError.isPresent() && "Error".equals(result.get().path("phase").asText())) {
      return Optional.of(error(nodeId, reportedError.get(), started, ended, outputs));
    }
    if (code != 0 && failure == null && "Failed".equals(phase) && reason != null) {
      failure = message != null ? message : reason;
    }
    return Optional.of(
        new Event.PodFinished(nodeId, code, Optional.empty(), outputs, started, ended, failure));
  }

  private static Outputs outputs(Optional<JsonNode> result, int code) {
    if (result.isEmpty() || !result.get().has("outputs")) return exitOnly(code);
    Outputs reported = KubeStore.decodeValue(result.get().get("outputs"), Outputs.class);
    return new Outputs(
        reported.parameters(), reported.artifacts(), reported.result(), Integer.toString(code));
  }

  private static Outputs exitOnly(int code) {
    return new Outputs(null, null, null, Integer.toString(code));
  }

  private static Event.PodFinished error(String nodeId, String why, Instant s, Instant e) {
    return error(nodeId, why, s, e, new Outputs(null, null, null, null));
  }

  private static Event.PodFinished error(
      String nodeId, String why, Instant s, Instant e, Outputs outputs) {
    return new Event.PodFinished(nodeId, 1, Optional.of(why), outputs, s, e, null);
  }

  private static String why(ContainerStatus c) {
    var t = c.getState().getTerminated();
    String msg = t.getMessage() != null ? ": " + t.getMessage().strip() : "";
    return " (exit code " + t.getExitCode() + ")" + msg;
  }

  /**
   * Whether main's launcher was killed or failed itself (OOM, SIGKILL, exit 64): then it wrote no
   * exit file, and the wait container would wait for it in vain.
   */
  static boolean launcherDied(ContainerStatus c) {
    if (!terminated(c)) return false;
    int code = exitCode(c);
    return code == 64
        || code >= 128
        || "OOMKilled".equals(c.getState().getTerminated().getReason());
  }

  /** Whether a wrapped pod's wait container still runs after its verdict (it must be stopped). */
  public static boolean waitStillRunning(Pod pod) {
    return container(pod, "wait").map(c -> !terminated(c)).orElse(false);
  }

  static Optional<ContainerStatus> container(Pod pod, String name) {
    return statuses(pod).stream().filter(c -> name.equals(c.getName())).findFirst();
  }

  static List<ContainerStatus> statuses(Pod pod) {
    if (pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null) return List.of();
    return pod.getStatus().getContainerStatuses();
  }

  static List<ContainerStatus> initStatuses(Pod pod) {
    if (pod.getStatus() == null || pod.getStatus().getInitContainerStatuses() == null) {
      return List.of();
    }
    return new ArrayList<>(pod.getStatus().getInitContainerStatuses());
  }

  private static boolean terminated(ContainerStatus c) {
    return c.getState() != null && c.getState().getTerminated() != null;
  }

  private static int exitCode(ContainerStatus c) {
    if (!terminated(c)) return 0;
    Integer code = c.getState().getTerminated().getExitCode();
    return code == null ? 0 : code;
  }

  private static String startedAt(ContainerStatus c) {
    if (c.getState() == null) return null;
    if (c.getState().getTerminated() != null) return c.getState().getTerminated().getStartedAt();
    if (c.getState().getRunning() != null) return c.getState().getRunning().getStartedAt();
    return null;
  }

  private static String finishedAt(ContainerStatus c) {
    return terminated(c) ? c.getState().getTerminated().getFinishedAt() : null;
  }

  private static Instant time(String text, Instant fallback) {
    if (text == null || text.isEmpty()) return fallback;
    try {
      return Instant.parse(text);
    } catch (RuntimeException e) {
      return fallback;
    }
  }

  private static String label(JsonNode obj, String key) {
    return obj.path("metadata").path("labels").path(key).asText(null);
  }
}
