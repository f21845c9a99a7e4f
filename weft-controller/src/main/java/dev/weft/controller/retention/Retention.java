package dev.weft.controller.retention;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.model.Workflow;
import dev.weft.model.cron.GoDuration;
import dev.weft.model.status.NodePhase;
import dev.weft.model.status.NodeStatus;
import dev.weft.model.status.NodeType;
import dev.weft.model.status.WorkflowPhase;
import dev.weft.model.status.WorkflowStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What Argo's ttlStrategy and podGC ask to remove, decided from the workflow and the time alone:
 * the pods (here: their sandboxes and logs) to delete, whether the workflow itself is due for
 * deletion, and when to look again.
 *
 * <p>Pod strategies: OnPodCompletion and OnPodSuccess remove a pod once it ended (succeeded);
 * OnWorkflowCompletion and OnWorkflowSuccess remove them all once the workflow completed
 * (succeeded). {@code deleteDelayDuration} postpones each removal by that long after the pod (or
 * workflow) finished.
 */
public final class Retention {
  private Retention() {}

  public record Decision(
      List<String> podsToRemove, boolean deleteWorkflow, Optional<Instant> wakeAt) {}

  /**
   * @param before the status before this reconcile: pods already fulfilled then were handled by an
   *     earlier decision (or are waiting for their delay, which sets a wake time)
   */
  public static Decision decide(Workflow wf, WorkflowStatus before, Instant now) {
    WorkflowStatus status = wf.status();
    if (status == null) return new Decision(List.of(), false, Optional.empty());
    List<String> pods = new ArrayList<>();
    Instant[] wake = {null};
    PodGc gc = PodGc.of(wf.spec().podGC());
    Map<String, NodeStatus> old = before == null ? Map.of() : before.nodesOrEmpty();
    boolean completed = status.phase() != null && status.phase().completed();
    boolean wasCompleted = before != null && before.phase() != null && before.phase().completed();
    for (NodeStatus n : status.nodesOrEmpty().values()) {
      if (n.type() != NodeType.Pod || n.podName() == null || !n.phase().fulfilled()) continue;
      Instant finished = n.finishedAt() == null ? now : n.finishedAt();
      Instant removeAt;
      if (gc.perPod()) {
        if (gc.onlySucceeded() && n.phase() != NodePhase.SUCCEEDED) continue;
        removeAt = finished.plus(gc.delay());
        NodeStatus was = old.get(n.id());
        boolean handled = was != null && was.phase().fulfilled() && gc.delay().isZero();
        if (handled) continue;
      } else if (gc.perWorkflow() && completed) {
        if (gc.onlySucceeded() && status.phase() != WorkflowPhase.SUCCEEDED) continue;
        if (wasCompleted && gc.delay().isZero()) continue;
        Instant wfFinished = status.finishedAt() == null ? now : status.finishedAt();
        removeAt = wfFinished.plus(gc.delay());
      } else {
        continue;
      }
      if (!now.isBefore(removeAt)) pods.add(n.podName());
      else wake[0] = earliest(wake[0], removeAt);
    }
    boolean delete = false;
    if (completed) {
      Optional<Duration> ttl = ttl(wf.spec().ttlStrategy(), status.phase());
      if (ttl.isPresent()) {
        Instant at = (status.finishedAt() == null ? now : status.finishedAt()).plus(ttl.get());
        if (!now.isBefore(at)) delete = true;
        else wake[0] = earliest(wake[0], at);
      }
    }
    return new Decision(pods, delete, Optional.ofNullable(delete ? null : wake[0]));
  }

  /** The ttlStrategy's time to keep a workflow that ended in {@code phase}. */
  static Optional<Duration> ttl(JsonNode strategy, WorkflowPhase phase) {
    if (strategy == null || !strategy.isObject()) return Optional.empty();
    String specific =
        phase == WorkflowPhase.SUCCEEDED ? "secondsAfterSuccess" : "secondsAfterFailure";
    JsonNode seconds = strategy.path(specific);
    if (!seconds.isNumber()) seconds = strategy.path("secondsAfterCompletion");
    return seconds.isNumber()
        ? Optional.of(Duration.ofSeconds(seconds.asLong()))
        : Optional.empty();
  }

  private static Instant earliest(Instant a, Instant b) {
    return a == null || b.isBefore(a) ? b : a;
  }

  /** The podGC block. */
  record PodGc(String strategy, Duration delay) {
    static PodGc of(JsonNode podGc) {
      if (podGc == null || !podGc.isObject()) return new PodGc("", Duration.ZERO);
      Duration delay = Duration.ZERO;
      String text = podGc.path("deleteDelayDuration").asText("");
      if (!text.isBlank()) {
        try {
          delay = GoDuration.parse(text);
        } catch (IllegalArgumentException e) {
          delay = Duration.ZERO; // the linter reports a bad duration before the workflow runs
        }
      }
      return new PodGc(podGc.path("strategy").asText(""), delay);
    }

    boolean perPod() {
      return strategy.equals("OnPodCompletion") || strategy.equals("OnPodSuccess");
    }

    boolean perWorkflow() {
      return strategy.equals("OnWorkflowCompletion") || strategy.equals("OnWorkflowSuccess");
    }

    boolean onlySucceeded() {
      return strategy.equals("OnPodSuccess") || strategy.equals("OnWorkflowSuccess");
    }
  }
}
