package dev.weft.kube.pods;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.controller.pod.PodRuntime;
import dev.weft.engine.Library;
import dev.weft.engine.action.Action;
import dev.weft.engine.event.Event;
import dev.weft.kube.store.KubeKind;
import dev.weft.kube.store.KubeScope;
import dev.weft.kube.store.KubeStore;
import dev.weft.model.Workflow;
import dev.weft.model.spec.Outputs;
import dev.weft.model.spec.WorkflowSpec;
import dev.weft.model.status.NodePhase;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;

/**
 * The pod runtime of Kubernetes mode: each step a Pod. Pods and task results are followed by
 * informers, and every change of a followed pod is judged at once ({@link PodVerdict}) and reported
 * to the engine: no polling, no fixed requeue. Pod names are deterministic and creation is checked
 * against the cache and the API server first, so a new leader adopts what the old one started and
 * no pod is ever created twice.
 */
public final class KubePods implements PodRuntime, AutoCloseable {
  private static final System.Logger LOG = System.getLogger(KubePods.class.getName());

  private record Tracked(
      Workflow wf,
      Action.RunPod run,
      String main,
      Set<String> members,
      BiConsumer<Workflow, Event> report,
      AtomicBoolean started) {}

  private final KubernetesClient client;
  private final PodSettings settings;
  private final Clock clock;
  private final SharedIndexInformer<Pod> pods;
  private final SharedIndexInformer<GenericKubernetesResource> results;
  private final Map<String, Tracked> tracked = new ConcurrentHashMap<>();
  private final Map<String, String> podOfNode = new ConcurrentHashMap<>();
  private final PodCleanup cleanup;

  /** Labels and deletions after a pod's end, one at a time, beside the informers' threads. */
  private final java.util.concurrent.ExecutorService housekeeping =
      java.util.concurrent.Executors.newSingleThreadExecutor(
          Thread.ofPlatform().daemon().name("weft-pod-housekeeping").factory());

  private KubePods(KubernetesClient client, KubeScope scope, PodSettings settings, Clock clock) {
    this.client = client;
    this.settings = settings;
    this.clock = clock;
    var podOps =
        scope.namespace() == null
            ? client.pods().inAnyNamespace()
            : client.pods().inNamespace(scope.namespace());
    this.pods = podOps.withLabelSelector(scope.activePods()).runnableInformer(0);
    var resultOps = client.genericKubernetesResources(KubeKind.TASK_RESULT);
    var scoped =
        scope.namespace() == null
            ? resultOps.inAnyNamespace()
            : resultOps.inNamespace(scope.namespace());
    this.results = scoped.withLabelSelector(scope.taskResults()).runnableInformer(0);
    this.cleanup = new PodCleanup(client);
  }

  /** Starts following pods and task results; returns once both caches have listed. */
  public static KubePods start(
      KubernetesClient client,
      KubeScope scope,
      PodSettings settings,
      Clock clock,
      Duration timeout) {
    KubePods p = new KubePods(client, scope, settings, clock);
    p.pods.addEventHandler(
        new ResourceEventHandler<>() {
          @Override
          public void onAdd(Pod pod) {
            p.judge(pod);
          }

          @Override
          public void onUpdate(Pod before, Pod after) {
            p.judge(after);
          }

          @Override
          public void onDelete(Pod pod, boolean finalStateUnknown) {
            p.deleted(pod);
          }
        });
    p.results.addEventHandler(
        new ResourceEventHandler<>() {
          @Override
          public void onAdd(GenericKubernetesResource r) {
            p.resultChanged(r);
          }

          @Override
          public void onUpdate(GenericKubernetesResource before, GenericKubernetesResource r) {
            p.resultChanged(r);
          }

          @Override
          public void onDelete(GenericKubernetesResource r, boolean finalStateUnknown) {}
        });
    try {
      p.pods.start().toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      p.results.start().toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      p.close();
      throw new IllegalStateException("cannot follow pods on the API server: " + e, e);
    }
    return p;
  }

  @Override
  public void start(
      Workflow wf,
      WorkflowSpec spec,
      Library lib,
      Action.RunPod run,
      BiConsumer<Workflow, Event> report) {
    String ns = wf.metadata().namespaceOrDefault();
    String key = ns + "/" + run.podName();
    var t = run.template();
    Set<String> members =
        t.containerSet() == null
            ? Set.of("main")
            : Set.copyOf(t.containerSet().containers().stream().map(c -> c.name()).toList());
    Tracked entry =
        new Tracked(
            wf, run, PodManifest.mainContainer(t), members, report, new AtomicBoolean(false));
    if (tracked.putIfAbsent(key, entry) != null) return;
    podOfNode.put(ns + "/" + run.nodeId(), key);
    try {
      Optional<Pod> existing = find(ns, run.podName());
      if (existing.isPresent() && existing.get().getMetadata().getDeletionTimestamp() != null) {
        // a retried node's predecessor, on its way out: its name is free once it is gone
        throw new IllegalStateException("pod " + run.podName() + " is still being deleted");
      }
      if (existing.isPresent()) {
        judge(existing.get());
        return;
      }
      var node = wf.status() == null ? null : wf.status().nodesOrEmpty().get(run.nodeId());
      if (node != null && node.phase() == NodePhase.RUNNING) {
        finish(key, entry, Event.PodFinished.class.cast(deletedEvent(run, "pod deleted")));
        return;
      }
      Pod pod;
      try {
        pod = KubeStore.decodeValue(PodManifest.build(wf, spec, run, settings), Pod.class);
        cleanup.ensureClaims(wf, spec);
      } catch (IllegalArgumentException e) {
        finish(key, entry, deletedEvent(run, e.getMessage()));
        return;
      }
      try {
        client.pods().inNamespace(ns).resource(pod).create();
      } catch (KubernetesClientException e) {
        if (e.getCode() != 409) throw e;
        find(ns, run.podName()).ifPresent(this::judge); // another leader's: adopt it
      }
    } catch (RuntimeException e) {
      tracked.remove(key, entry);
      throw e;
    }
  }

  /** The pod from the cache, else from the API server (it may be labelled completed already). */
  private Optional<Pod> find(String ns, String name) {
    Pod cached = pods.getStore().getByKey(ns + "/" + name);
    if (cached != null) return Optional.of(cached);
    return Optional.ofNullable(client.pods().inNamespace(ns).withName(name).get());
  }

  private void judge(Pod pod) {
    String key = pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName();
    Tracked t = tracked.get(key);
    if (t == null) return;
    if (PodVerdict.started(pod) && t.started().compareAndSet(false, true)) {
      t.report().accept(t.wf(), new Event.PodStarted(t.run().nodeId(), clock.instant()));
    }
    Optional<JsonNode> result = result(pod.getMetadata().getNamespace(), t.run().nodeId());
    PodVerdict.finished(t.run().nodeId(), t.main(), t.members(), pod, result, clock.instant())
        .ifPresent(
            f -> {
              if (!finish(key, t, f)) return;
              // off the path from this pod's end to the next pod: the reconcile goes first
              housekeeping.execute(
                  () -> {
                    cleanup.markCompleted(pod);
                    if (PodVerdict.waitStillRunning(pod)) {
                      cleanup.delete(
                          pod.getMetadata().getNamespace(), pod.getMetadata().getName(), "");
                    }
                  });
            });
  }

  private boolean finish(String key, Tracked t, Event.PodFinished f) {
    if (!tracked.remove(key, t)) return false;
    podOfNode.remove(t.wf().metadata().namespaceOrDefault() + "/" + t.run().nodeId(), key);
    if (t.started().compareAndSet(false, true)) {
      t.report().accept(t.wf(), new Event.PodStarted(t.run().nodeId(), f.startedAt()));
    }
    t.report().accept(t.wf(), f);
    return true;
  }

  private void deleted(Pod pod) {
    String key = pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName();
    Tracked t = tracked.get(key);
    if (t == null) return;
    String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
    if ("Succeeded".equals(phase) || "Failed".equals(phase)) {
      judge(pod);
      if (!tracked.containsKey(key)) return;
    }
    finish(key, t, deletedEvent(t.run(), "pod deleted"));
  }

  private Event.PodFinished deletedEvent(Action.RunPod run, String why) {
    var now = clock.instant();
    return new Event.PodFinished(
        run.nodeId(), 1, Optional.of(why), new Outputs(null, null, null, null), now, now);
  }

  private void resultChanged(GenericKubernetesResource r) {
    String podKey = podOfNode.get(r.getMetadata().getNamespace() + "/" + r.getMetadata().getName());
    if (podKey == null) return;
    Pod pod = pods.getStore().getByKey(podKey);
    if (pod != null) judge(pod);
  }

  private Optional<JsonNode> result(String ns, String nodeId) {
    GenericKubernetesResource r = results.getStore().getByKey(ns + "/" + nodeId);
    return Optional.ofNullable(r).map(g -> KubeStore.decodeValue(g, JsonNode.class));
  }

  @Override
  public void kill(Workflow wf, String podName, String reason) {
    String ns = wf.metadata().namespaceOrDefault();
    Tracked t = tracked.remove(ns + "/" + podName);
    if (t != null) podOfNode.remove(ns + "/" + t.run().nodeId());
    cleanup.delete(ns, podName, reason);
  }

  @Override
  public void killAll(String reason) {
    for (String key : tracked.keySet()) {
      String[] parts = key.split("/", 2);
      cleanup.delete(parts[0], parts[1], reason);
    }
    tracked.clear();
  }

  @Override
  public void forget(Workflow wf) {
    String uid = wf.metadata().uid();
    tracked.entrySet().removeIf(e -> uid != null && uid.equals(e.getValue().wf().metadata().uid()));
    cleanup.afterWorkflow(wf);
  }

  @Override
  public void remove(Workflow wf, String podName) {
    cleanup.delete(wf.metadata().namespaceOrDefault(), podName, "podGC");
  }

  @Override
  public boolean anyRunning(Workflow wf) {
    String uid = wf.metadata().uid();
    return tracked.values().stream()
        .anyMatch(t -> uid != null && uid.equals(t.wf().metadata().uid()));
  }

  @Override
  public int runningCount() {
    return tracked.size();
  }

  @Override
  public Optional<String> logs(Workflow wf, String podName, String container) {
    try {
      return Optional.ofNullable(
          client
              .pods()
              .inNamespace(wf.metadata().namespaceOrDefault())
              .withName(podName)
              .inContainer(container)
              .getLog());
    } catch (KubernetesClientException e) {
      LOG.log(System.Logger.Level.DEBUG, "no logs of " + podName + ": " + e.getMessage());
      return Optional.empty();
    }
  }

  @Override
  public void close() {
    pods.close();
    results.close();
    housekeeping.shutdown();
  }
}
