package dev.weft.engine.exec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.engine.run.Run;
import dev.weft.engine.template.EngineError;
import dev.weft.model.spec.Synchronization;
import dev.weft.model.spec.Template;
import dev.weft.model.status.NodeStatus;
import dev.weft.model.status.NodeType;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides whether a new node may start now: workflow and template parallelism, and the template's
 * mutexes and semaphores. Counts are derived from the nodes, so nothing is stored.
 */
public final class Admission {
  private final Run run;

  public Admission(Run run) {
    this.run = run;
  }

  /**
   * False when a new node may not start: the workflow's parallelism (for pods), or the template
   * parallelism of the steps or DAG node it would start under, as Argo's checkParallelism does.
   */
  boolean parallelismAllows(String boundaryId, boolean isPod) {
    Integer wfLimit = run.spec().parallelism();
    if (wfLimit == null && run.limits().defaultParallelism() > 0)
      wfLimit = run.limits().defaultParallelism();
    if (isPod && wfLimit != null && wfLimit > 0 && activePods() >= wfLimit) return false;
    if (boundaryId == null) return true;
    Integer limit = run.childLimit(boundaryId);
    return limit == null || limit <= 0 || activeChildren(boundaryId) < limit;
  }

  private long activePods() {
    return run.nodes().all().stream()
        .filter(n -> n.type() == NodeType.Pod && !n.phase().fulfilled() && n.podName() != null)
        .count();
  }

  private long activeChildren(String boundaryId) {
    return run.nodes().all().stream()
        .filter(n -> boundaryId.equals(n.boundaryID()))
        .filter(n -> n.type() != NodeType.StepGroup && n.type() != NodeType.TaskGroup)
        .filter(n -> n.type() != NodeType.Retry)
        .filter(n -> !n.name().endsWith(".onExit"))
        .filter(n -> !n.phase().fulfilled())
        .filter(n -> n.type() != NodeType.Pod || n.podName() != null)
        .count();
  }

  /** The lock keys a template needs, as Argo names them. */
  List<Lock> locks(Template t) {
    List<Lock> out = new ArrayList<>();
    Synchronization s = t.synchronization();
    if (s == null) return out;
    String ns = run.workflow().metadata().namespaceOrDefault();
    List<Synchronization.Mutex> mutexes = new ArrayList<>();
    if (s.mutex() != null) mutexes.add(s.mutex());
    if (s.mutexes() != null) mutexes.addAll(s.mutexes());
    for (var m : mutexes) {
      String mns = m.namespace() == null ? ns : m.namespace();
      out.add(new Lock(mns + "/Mutex/" + m.name(), 1));
    }
    List<Synchronization.SemaphoreRef> sems = new ArrayList<>();
    if (s.semaphore() != null) sems.add(s.semaphore());
    if (s.semaphores() != null) sems.addAll(s.semaphores());
    for (var sem : sems) out.add(semaphore(sem, ns));
    return out;
  }

  private Lock semaphore(Synchronization.SemaphoreRef sem, String ns) {
    if (sem.configMapKeyRef() != null) {
      var ref = sem.configMapKeyRef();
      String value =
          run.library().configMap(ref.name()).map(c -> c.dataOrEmpty().get(ref.key())).orElse(null);
      if (value == null) {
        throw new EngineError(
            "failed to get semaphore limit: configmap "
                + ref.name()
                + " key "
                + ref.key()
                + " not found");
      }
      try {
        return new Lock(
            ns + "/ConfigMap/" + ref.name() + "/" + ref.key(), Integer.parseInt(value.trim()));
      } catch (NumberFormatException e) {
        throw new EngineError("semaphore limit must be an integer, got \"" + value + "\"");
      }
    }
    String key = sem.database() == null ? "semaphore" : sem.database().key();
    // A database semaphore's limit lives in Argo's sync database; locally it is one holder.
    return new Lock(ns + "/Database/" + key, 1);
  }

  /** Null when every lock is free; else the first lock that is full, with its holder count. */
  Blocked blockingLock(List<Lock> wanted, String nodeId) {
    for (Lock lock : wanted) {
      long holders =
          run.nodes().all().stream()
              .filter(n -> !n.id().equals(nodeId) && !n.phase().fulfilled())
              .filter(n -> holds(n, lock.key()))
              .count();
      if (holders >= lock.limit()) return new Blocked(lock, holders);
    }
    return null;
  }

  private static boolean holds(NodeStatus n, String key) {
    JsonNode s = n.synchronizationStatus();
    if (s == null || !s.has("holding")) return false;
    for (JsonNode k : s.get("holding")) if (k.asText().equals(key)) return true;
    return false;
  }

  static JsonNode holding(List<Lock> locks) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    var arr = o.putArray("holding");
    locks.forEach(l -> arr.add(l.key()));
    return o;
  }

  static JsonNode waiting(Lock lock) {
    return JsonNodeFactory.instance.objectNode().put("waiting", lock.key());
  }

  record Lock(String key, int limit) {}

  record Blocked(Lock lock, long holders) {}
}
