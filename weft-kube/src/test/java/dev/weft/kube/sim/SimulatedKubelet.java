package dev.weft.kube.sim;

import dev.weft.executor.Executor;
import dev.weft.executor.ImageProfiles;
import dev.weft.executor.SandboxExecutor;
import dev.weft.executor.SandboxMode;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * A one-node kubelet for tests, seen only through the API: it watches every pod, holds it with its
 * own finalizer, "schedules" it, runs its containers in Weft's sandbox (see {@link PodWorker}) and
 * writes what happens through {@code /status} only. Fault injection: {@link #evict}, {@link
 * #oomKill}, {@link #unschedulable}, {@link #slowStart}.
 *
 * <p>Pods reach the API server through a kubeconfig mounted at {@value ContainerMapping#KUBECONFIG}
 * with {@code KUBECONFIG} set to it; a real kubelet mounts an in-cluster service-account token
 * instead.
 */
public final class SimulatedKubelet implements AutoCloseable {
  /** The node's name, as {@code spec.nodeName} reads in a pod (the mock cannot bind pods). */
  public static final String NODE_NAME = "weft-sim-node";

  /** Between SIGTERM and SIGKILL the kubelet decides, so the executor's own grace is long. */
  private static final Duration EXECUTOR_GRACE = Duration.ofHours(1);

  private final MockCluster cluster;
  private final Path workDir;
  private final KubernetesClient client;
  private final Executor executor;
  private final VolumeFiles volumes;
  private final Map<String, PodWorker> byUid = new ConcurrentHashMap<>();
  private final Map<String, PodWorker> byName = new ConcurrentHashMap<>();
  private final List<ImageLayer> layers = new CopyOnWriteArrayList<>();
  private final List<Predicate<Pod>> unschedulable = new CopyOnWriteArrayList<>();
  private final List<String> errors = new CopyOnWriteArrayList<>();
  private volatile Duration slowStart = Duration.ZERO;
  private final SharedIndexInformer<Pod> informer;

  /**
   * Starts watching pods. Containers run in bubblewrap ({@link SandboxMode#NAMESPACES}); check
   * {@link SandboxMode#detect()} before, as the executor's tests do.
   */
  public SimulatedKubelet(MockCluster cluster, Path workDir) {
    this.cluster = cluster;
    this.workDir = workDir.toAbsolutePath();
    this.client = cluster.newClient("default");
    this.executor =
        new SandboxExecutor(
            new ImageProfiles(this.workDir.resolve("shims")),
            SandboxMode.NAMESPACES,
            EXECUTOR_GRACE);
    this.volumes = new VolumeFiles(client, this.workDir.resolve("claims"));
    cluster.serveLogsFrom(this::log);
    this.informer = client.pods().inAnyNamespace().inform(new Handler());
  }

  /** Adds an image layer: files and env for containers whose image starts with its prefix. */
  public SimulatedKubelet addImageLayer(ImageLayer layer) {
    layers.add(layer);
    return this;
  }

  /** Pods matching {@code which} stay Pending, PodScheduled=False reason Unschedulable. */
  public void unschedulable(Predicate<Pod> which) {
    unschedulable.add(which);
  }

  /** Lets every pod be scheduled again; waiting pods go on. */
  public void schedulable() {
    unschedulable.clear();
  }

  /** Each pod waits this long in ContainerCreating before its first container starts. */
  public void slowStart(Duration delay) {
    slowStart = delay;
  }

  /** Evicts a pod: containers killed, phase Failed, reason Evicted. */
  public void evict(String namespace, String name) {
    worker(namespace, name).terminate(Termination.evicted());
  }

  /** Kills a running container as the OOM killer would: exit code 137, reason OOMKilled. */
  public void oomKill(String namespace, String name, String container) {
    worker(namespace, name).oomKill(container);
  }

  /** Where a claim's files are on the host (every pod mounting the claim shares them). */
  public Path claimDir(String namespace, String claim) {
    return workDir.resolve("claims").resolve(namespace).resolve(claim);
  }

  /**
   * Failures inside the kubelet (a bug here, not in the code under test); tests can assert none.
   */
  public List<String> errors() {
    return List.copyOf(errors);
  }

  private PodWorker worker(String namespace, String name) {
    PodWorker w = byName.get(namespace + "/" + name);
    if (w == null) throw new IllegalArgumentException("no pod " + namespace + "/" + name);
    return w;
  }

  /** The {@code pods/log} answer: stdout then stderr (not interleaved as a runtime would). */
  private Optional<String> log(String namespace, String pod, Optional<String> container) {
    PodWorker w = byName.get(namespace + "/" + pod);
    if (w == null) return Optional.empty();
    String c;
    if (container.isPresent()) {
      c = container.get();
      if (!w.allContainerNames().contains(c)) {
        throw new IllegalArgumentException("container " + c + " is not valid for pod " + pod);
      }
    } else if (w.containerNames().size() == 1) {
      c = w.containerNames().get(0);
    } else {
      throw new IllegalArgumentException(
          "a container name must be specified for pod "
              + pod
              + ", choose one of: "
              + w.containerNames());
    }
    try {
      Optional<String> text = w.log(c);
      if (text.isEmpty()) {
        throw new IllegalArgumentException(
            "container \"" + c + "\" in pod \"" + pod + "\" is waiting to start");
      }
      return text;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // --- for PodWorker ---

  MockCluster cluster() {
    return cluster;
  }

  Path podsDir() {
    return workDir.resolve("pods");
  }

  VolumeFiles volumes() {
    return volumes;
  }

  List<ImageLayer> layers() {
    return List.copyOf(layers);
  }

  Duration slowStart() {
    return slowStart;
  }

  String unschedulableMessage(Pod pod) {
    for (Predicate<Pod> p : unschedulable) {
      if (p.test(pod)) return "0/1 nodes are available: 1 node(s) were unschedulable.";
    }
    return null;
  }

  void failed(String pod, Throwable t) {
    errors.add(pod + ": " + t);
  }

  private final class Handler implements ResourceEventHandler<Pod> {
    @Override
    public void onAdd(Pod pod) {
      seen(pod);
    }

    @Override
    public void onUpdate(Pod old, Pod pod) {
      seen(pod);
    }

    @Override
    public void onDelete(Pod pod, boolean finalStateUnknown) {
      PodWorker w = byUid.remove(pod.getMetadata().getUid());
      if (w != null) {
        w.deletionRequested(pod); // deleted without waiting for the finalizer
        byName.remove(key(pod), w);
      }
    }
  }

  private void seen(Pod pod) {
    String uid = pod.getMetadata().getUid();
    PodWorker w = byUid.get(uid);
    if (w == null) {
      if (pod.getStatus() != null && pod.getStatus().getPhase() != null) {
        return; // a pod another kubelet ran: not re-adopted
      }
      w = new PodWorker(this, client, executor, pod);
      byUid.put(uid, w);
      byName.put(key(pod), w);
      w.start();
    } else {
      w.updated(pod);
    }
    if (pod.getMetadata().getDeletionTimestamp() != null) w.deletionRequested(pod);
  }

  private static String key(Pod pod) {
    return pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName();
  }

  /** Stops watching and kills whatever still runs; pods keep their last status. */
  @Override
  public void close() {
    informer.close();
    for (PodWorker w : new ArrayList<>(byUid.values())) w.shutdown();
    client.close();
  }
}
