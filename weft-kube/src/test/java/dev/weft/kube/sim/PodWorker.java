package dev.weft.kube.sim;

import static dev.weft.kube.sim.PodEnvironment.list;

import dev.weft.executor.ContainerOutcome;
import dev.weft.executor.ContainerSpec;
import dev.weft.executor.Executor;
import dev.weft.executor.PodSpec;
import dev.weft.executor.RunningPod;
import dev.weft.executor.SandboxExecutor;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One pod's life on the simulated node, driven by one virtual thread: finalizer, scheduling,
 * volumes and env, init containers one after another, then every container together, each as its
 * own executor pod so that its start and end are reported as they happen and it can be killed
 * alone; the final phase; and, once the pod is deleted, the finalizer's removal.
 */
final class PodWorker {
  private static final Duration RETRY = Duration.ofMillis(200);

  private final SimulatedKubelet kubelet;
  private final KubernetesClient client;
  private final Executor executor;
  private final String namespace;
  private final String name;
  private final Path dir;
  private final List<Container> inits;
  private final List<Container> containers;
  private final StatusWriter status;
  private final Map<String, RunningPod> running = new ConcurrentHashMap<>();
  private final Set<String> oomKilled = ConcurrentHashMap.newKeySet();
  private final Set<String> started = ConcurrentHashMap.newKeySet();
  private final CountDownLatch deleted = new CountDownLatch(1);
  private final CountDownLatch stopping = new CountDownLatch(1);
  private final Object lock = new Object();
  private volatile Pod pod;
  private volatile Termination termination;
  private volatile boolean finished;
  private volatile boolean closing;

  PodWorker(SimulatedKubelet kubelet, KubernetesClient client, Executor executor, Pod pod) {
    this.kubelet = kubelet;
    this.client = client;
    this.executor = executor;
    this.pod = pod;
    this.namespace = pod.getMetadata().getNamespace();
    this.name = pod.getMetadata().getName();
    this.dir =
        kubelet.podsDir().resolve(namespace).resolve(name + "-" + pod.getMetadata().getUid());
    this.inits = list(pod.getSpec().getInitContainers());
    this.containers = list(pod.getSpec().getContainers());
    this.status =
        new StatusWriter(
            client,
            pod,
            inits.stream().map(Container::getName).toList(),
            containers.stream().map(Container::getName).toList());
  }

  void start() {
    Thread.ofVirtual().name("sim-kubelet-" + namespace + "-" + name).start(this::live);
  }

  private void live() {
    try {
      if (Finalizers.add(client, namespace, name)) {
        run();
      } else {
        return; // deleted before the kubelet could hold it: never runs
      }
    } catch (Throwable t) {
      kubelet.failed(namespace + "/" + name, t);
    }
    finished = true;
    awaitQuietly(deleted, null);
    if (!closing) Finalizers.remove(client, namespace, name);
  }

  /** The kubelet closes: kill everything now and leave the pod as it is. */
  void shutdown() {
    closing = true;
    terminate(Termination.deleted(Duration.ZERO));
    deleted.countDown();
  }

  private void run() throws IOException, InterruptedException {
    if (!schedule()) return;
    Instant startTime = Instant.now();
    status.update(
        s -> {
          StatusWriter.condition(s, "PodScheduled", true, null, null);
          StatusWriter.condition(s, "Initialized", inits.isEmpty(), initReason(), null);
          StatusWriter.condition(s, "ContainersReady", false, "ContainersNotReady", null);
          StatusWriter.condition(s, "Ready", false, "ContainersNotReady", null);
          s.setStartTime(StatusWriter.time(startTime));
          s.setHostIP(FieldRefs.POD_IP);
        });
    Long deadline = pod.getSpec().getActiveDeadlineSeconds();
    if (deadline != null) watchDeadline(startTime.plusSeconds(deadline));
    awaitQuietly(stopping, kubelet.slowStart());
    Map<String, ContainerSpec> specs = prepare();
    if (specs == null) return;
    status.update(StatusWriter::addresses);
    boolean initsSucceeded = true;
    for (Container c : inits) {
      if (!run(specs.get(c.getName()), false).join().succeeded()) {
        initsSucceeded = false;
        break;
      }
    }
    if (initsSucceeded && termination == null) {
      if (!inits.isEmpty())
        status.update(s -> StatusWriter.condition(s, "Initialized", true, null, null));
      List<CompletableFuture<ContainerOutcome>> ends = new ArrayList<>();
      for (Container c : containers) ends.add(run(specs.get(c.getName()), true));
      boolean allSucceeded = true;
      for (var end : ends) allSucceeded &= end.join().succeeded();
      finish(allSucceeded ? "Succeeded" : "Failed");
    } else {
      finish("Failed");
    }
  }

  private String initReason() {
    return inits.isEmpty() ? null : "ContainersNotInitialized";
  }

  /** Waits while the pod cannot be scheduled; false when it was stopped meanwhile. */
  private boolean schedule() {
    String shown = null;
    while (true) {
      if (termination != null) return stoppedWhilePending();
      String why = kubelet.unschedulableMessage(pod);
      if (why == null) {
        List<String> missing = kubelet.volumes().missingClaims(pod);
        if (!missing.isEmpty()) {
          why =
              "0/1 nodes are available: persistentvolumeclaim \""
                  + missing.get(0)
                  + "\" not found.";
        }
      }
      if (why == null) return true;
      if (!why.equals(shown)) {
        String message = why;
        status.update(
            s -> StatusWriter.condition(s, "PodScheduled", false, "Unschedulable", message));
        shown = why;
      }
      awaitQuietly(stopping, RETRY);
    }
  }

  /** Volumes, env and container specs; retried while what they need is missing. */
  private Map<String, ContainerSpec> prepare() throws IOException {
    String shown = null;
    while (true) {
      if (termination != null) {
        stoppedWhilePending();
        return null;
      }
      try {
        Pod p = pod;
        PodEnvironment env = new PodEnvironment(client, p, SimulatedKubelet.NODE_NAME);
        var volumes = kubelet.volumes().materialise(p, dir.resolve("volumes"), env);
        Path kubeconfig = dir.resolve("kube");
        kubelet.cluster().writeKubeconfig(kubeconfig.resolve("config"), namespace);
        ContainerMapping mapping = new ContainerMapping(kubelet.layers());
        Map<String, ContainerSpec> specs = new LinkedHashMap<>();
        for (Container c : inits)
          specs.put(c.getName(), mapping.map(p, c, env.of(c), volumes, kubeconfig));
        for (Container c : containers)
          specs.put(c.getName(), mapping.map(p, c, env.of(c), volumes, kubeconfig));
        return specs;
      } catch (KubeletException e) {
        if (!e.getMessage().equals(shown)) {
          status.update(s -> StatusWriter.waitingAll(s, e.reason(), e.getMessage()));
          shown = e.getMessage();
        }
        awaitQuietly(stopping, RETRY);
      }
    }
  }

  /**
   * A pod stopped before any container ran: evicted or past its deadline it fails; deleted, it
   * goes.
   */
  private boolean stoppedWhilePending() {
    Termination t = termination;
    if (t.podReason() != null) {
      status.update(
          s -> {
            s.setPhase("Failed");
            s.setReason(t.podReason());
            s.setMessage(t.podMessage());
          });
    }
    return false;
  }

  /** Starts one container; the future completes with its outcome once its status is written. */
  private CompletableFuture<ContainerOutcome> run(ContainerSpec spec, boolean main) {
    String c = spec.name();
    RunningPod rp;
    synchronized (lock) {
      if (termination != null) {
        return CompletableFuture.completedFuture(ContainerOutcome.notRun(c, "pod stopped"));
      }
      Path workDir = containerDir(c);
      rp = executor.start(new PodSpec(name, List.of(), List.of(spec), Set.of(), workDir));
      running.put(c, rp);
      started.add(c);
    }
    Instant startedAt = Instant.now();
    status.update(
        s -> {
          StatusWriter.running(s, c, startedAt);
          if (main) s.setPhase("Running");
        });
    return rp.completion()
        .thenApply(
            outcome -> {
              ContainerOutcome o = outcome.container(c);
              report(o, startedAt);
              running.remove(c);
              return o;
            });
  }

  private void report(ContainerOutcome o, Instant startedAt) {
    String c = o.name();
    Instant from = o.started() ? o.startedAt() : startedAt;
    Instant to = o.started() ? o.finishedAt() : Instant.now();
    status.update(
        s -> {
          if (oomKilled.contains(c)) {
            StatusWriter.terminated(s, c, 137, "OOMKilled", null, from, to);
          } else if (o.started()) {
            boolean ok = o.exitCode() == 0 && o.error().isEmpty();
            StatusWriter.terminated(
                s, c, o.exitCode(), ok ? "Completed" : "Error", o.error().orElse(null), from, to);
          } else if (termination != null) {
            StatusWriter.terminated(s, c, 137, "Error", o.error().orElse(null), from, to);
          } else {
            // e.g. the executable is missing: containerd's StartError, exit code 128.
            StatusWriter.terminated(s, c, 128, "StartError", o.error().orElse(null), from, to);
          }
        });
  }

  private void finish(String phase) {
    Termination t = termination;
    status.update(
        s -> {
          s.setPhase(t != null && t.podReason() != null ? "Failed" : phase);
          if (t != null && t.podReason() != null) {
            s.setReason(t.podReason());
            s.setMessage(t.podMessage());
          }
          StatusWriter.condition(s, "ContainersReady", false, "PodCompleted", null);
          StatusWriter.condition(s, "Ready", false, "PodCompleted", null);
        });
  }

  private void watchDeadline(Instant at) {
    Thread.ofVirtual()
        .start(
            () -> {
              Duration left = Duration.between(Instant.now(), at);
              if (left.isPositive()) awaitQuietly(stopping, left);
              if (!finished && termination == null) {
                terminate(Termination.deadline(terminationGrace()));
              }
            });
  }

  Duration terminationGrace() {
    Long s = pod.getSpec().getTerminationGracePeriodSeconds();
    return Duration.ofSeconds(s == null ? 30 : s);
  }

  // --- events from the kubelet ---

  void deletionRequested(Pod latest) {
    pod = latest;
    if (deleted.getCount() == 0) return; // seen already; status writes bring more updates
    Long grace = latest.getMetadata().getDeletionGracePeriodSeconds();
    // The mock leaves deletionGracePeriodSeconds unset; a real API server copies the pod's.
    terminate(Termination.deleted(grace != null ? Duration.ofSeconds(grace) : terminationGrace()));
    deleted.countDown();
  }

  void updated(Pod latest) {
    pod = latest;
  }

  /** Stops the pod's containers: SIGTERM now, SIGKILL after the grace period. */
  void terminate(Termination t) {
    synchronized (lock) {
      if (termination == null) termination = t;
    }
    stopping.countDown();
    running.values().forEach(rp -> rp.kill(t.podReason() != null ? t.podReason() : "deleted"));
    Thread.ofVirtual().start(() -> killAll(t.grace()));
  }

  void oomKill(String container) {
    if (!running.containsKey(container)) {
      throw new IllegalStateException("container " + container + " of " + name + " is not running");
    }
    oomKilled.add(container);
    SandboxExecutor.killLeftovers(containerDir(container)); // SIGKILL at once, as the OOM killer
  }

  /**
   * SIGKILL once the grace is over, again until every container has ended: a container whose
   * sandbox was still starting has no recorded process to kill yet.
   */
  private void killAll(Duration after) {
    if (after.isPositive()) sleep(after);
    for (int attempt = 0; attempt < 200 && !running.isEmpty(); attempt++) {
      for (String c : running.keySet()) SandboxExecutor.killLeftovers(containerDir(c));
      sleep(Duration.ofMillis(50));
    }
  }

  private Path containerDir(String container) {
    return dir.resolve("containers").resolve(container);
  }

  /** stdout then stderr of a container that started; empty if it has not started. */
  Optional<String> log(String container) throws IOException {
    if (!started.contains(container)) return Optional.empty();
    Path logs = containerDir(container).resolve("logs");
    StringBuilder out = new StringBuilder();
    for (String f : List.of(container + ".stdout", container + ".stderr")) {
      Path file = logs.resolve(f);
      if (Files.exists(file)) out.append(Files.readString(file));
    }
    return Optional.of(out.toString());
  }

  Pod pod() {
    return pod;
  }

  List<String> containerNames() {
    return containers.stream().map(Container::getName).toList();
  }

  List<String> allContainerNames() {
    List<String> all = new ArrayList<>(inits.stream().map(Container::getName).toList());
    all.addAll(containerNames());
    return all;
  }

  private static void awaitQuietly(CountDownLatch latch, Duration timeout) {
    try {
      if (timeout == null) latch.await();
      else latch.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
