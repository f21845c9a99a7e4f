package dev.weft.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.controller.ControlPlane;
import dev.weft.engine.rerun.Resubmit;
import dev.weft.engine.rerun.Retry;
import dev.weft.executor.FileTrees;
import dev.weft.model.Workflow;
import dev.weft.model.status.NodeStatus;
import dev.weft.store.ObjectLifecycle;
import dev.weft.store.StoreException;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/** Argo's retry and resubmit of a finished workflow. */
public final class WorkflowReruns {
  private final ControlPlane plane;
  private static final int CONFLICT_ATTEMPTS = 10;
  private final SecureRandom random = new SecureRandom();

  /**
   * Retries of one workflow take turns (striped by name, a bounded set of locks): one that lost the
   * save to another retry would put the files it moved aside back under the pods the winner runs
   * again, which would then be taken for their failed predecessors.
   */
  private final ReentrantLock[] retryTurns = new ReentrantLock[64];

  {
    for (int i = 0; i < retryTurns.length; i++) retryTurns[i] = new ReentrantLock();
  }

  public WorkflowReruns(ControlPlane plane) {
    this.plane = plane;
  }

  public void register(Router router) {
    String base = "/api/v1/workflows/{namespace}/{name}";
    router.add("PUT", base + "/retry", this::retry).add("PUT", base + "/resubmit", this::resubmit);
  }

  /**
   * The pods of the nodes run again have their files moved aside first (their names are reused),
   * then the workflow is saved as Running; if that save fails the files are put back and nothing
   * changed. A save that lost to another writer (the notary annotating the run that just ended, a
   * label edit) is planned again from the workflow as now stored, as client-go's RetryOnConflict
   * does. A workflow with steps still stopping is refused.
   */
  private Object retry(Request r) throws IOException {
    JsonNode body = Bodies.parse(r.body());
    String selector = body.path("nodeFieldSelector").asText("");
    Predicate<NodeStatus> restart = n -> false;
    if (!selector.isBlank()) {
      FieldSelector fields =
          FieldSelector.parse(selector, WorkflowActions.NODE_FIELDS, "nodeFieldSelector");
      restart = n -> fields.matches(f -> WorkflowActions.field(n, f));
    }
    boolean restartSuccessful = body.path("restartSuccessful").asBoolean(false);
    Map<String, String> parameters = parameters(body.path("parameters"));
    String key = r.path("namespace") + "/" + r.path("name");
    ReentrantLock turn = retryTurns[Math.floorMod(key.hashCode(), retryTurns.length)];
    turn.lock();
    try {
      for (int attempt = 1; ; attempt++) {
        Workflow wf =
            StoredObjects.get(plane.store(), Workflow.class, r.path("namespace"), r.path("name"));
        try {
          return retry(wf, restartSuccessful, restart, parameters);
        } catch (StoreException.Conflict e) {
          if (attempt >= CONFLICT_ATTEMPTS) throw e;
        }
      }
    } finally {
      turn.unlock();
    }
  }

  private Workflow retry(
      Workflow wf,
      boolean restartSuccessful,
      Predicate<NodeStatus> restart,
      Map<String, String> parameters)
      throws IOException {
    Retry.Result result;
    try {
      result = Retry.of(wf, restartSuccessful, restart, parameters);
    } catch (IllegalStateException e) {
      throw ApiException.invalid(e.getMessage());
    }
    if (plane.pods().anyRunning(wf)) {
      throw ApiException.failedPrecondition(
          "workflow " + wf.metadata().name() + " still has steps stopping; retry in a moment");
    }
    if (plane.localPods().isEmpty()) {
      // On a cluster, as Argo does: the retried nodes' pods are deleted first; the controller
      // creates their successors (same names) once they are gone.
      for (String pod : result.podsToDelete()) plane.pods().remove(wf, pod);
      Workflow saved = plane.store().update(result.workflow());
      plane.enqueue(ControlPlane.key(saved));
      return saved;
    }
    Map<String, Path> retired = new LinkedHashMap<>();
    for (String pod : result.podsToDelete()) {
      plane.localPods().orElseThrow().retire(wf, pod).ifPresent(aside -> retired.put(pod, aside));
    }
    Workflow saved;
    try {
      saved = plane.store().update(result.workflow());
    } catch (RuntimeException e) {
      for (var back : retired.entrySet())
        plane.localPods().orElseThrow().restore(wf, back.getKey(), back.getValue());
      throw e;
    }
    retired.values().forEach(FileTrees::deleteQuietly);
    plane.enqueue(ControlPlane.key(saved));
    return saved;
  }

  private Object resubmit(Request r) throws IOException {
    Workflow wf =
        StoredObjects.get(plane.store(), Workflow.class, r.path("namespace"), r.path("name"));
    JsonNode body = Bodies.parse(r.body());
    Workflow fresh;
    try {
      fresh =
          Resubmit.of(
              wf,
              body.path("memoized").asBoolean(false),
              parameters(body.path("parameters")),
              ObjectLifecycle.generatedSuffix(random));
    } catch (IllegalStateException e) {
      throw ApiException.invalid(e.getMessage());
    }
    return plane.submit(fresh);
  }

  /** Argo's {@code parameters: ["name=value", ...]}. */
  private static Map<String, String> parameters(JsonNode list) {
    Map<String, String> out = new LinkedHashMap<>();
    if (list.isMissingNode() || list.isNull()) return out;
    if (!list.isArray()) throw ApiException.invalid("parameters: expected a list of NAME=VALUE");
    for (JsonNode p : list) {
      String text = p.asText("");
      int eq = text.indexOf('=');
      if (eq <= 0) {
        throw ApiException.invalid("parameters: \"" + text + "\" is not NAME=VALUE");
      }
      out.put(text.substring(0, eq), text.substring(eq + 1));
    }
    return out;
  }
}
