package dev.weft.controller.pod;

import dev.weft.engine.Library;
import dev.weft.engine.action.Action;
import dev.weft.engine.event.Event;
import dev.weft.executor.Executor;
import dev.weft.executor.FileTrees;
import dev.weft.executor.Logs;
import dev.weft.executor.PodLayout;
import dev.weft.executor.PodSpec;
import dev.weft.executor.RunningPod;
import dev.weft.executor.SandboxExecutor;
import dev.weft.model.Workflow;
import dev.weft.model.spec.Outputs;
import dev.weft.model.spec.WorkflowSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * Starts pods for the engine's RunPod actions and reports back, as events, when they start and end.
 * It is the kubelet of local mode. A pod's files live under {@code <pods>/<workflow uid>/<pod>}, so
 * a workflow deleted and created again under the same name never meets its predecessor's pods, and
 * a restarted launcher asked for a pod again finds (and re-adopts) what the executor left there.
 */
public final class LocalPods implements PodRuntime {
  private record PodKey(String workflowUid, String podName) {}

  private final Executor executor;
  private final PodPlanner planner;
  private final OutputCollector collector;
  private final Path podsRoot;
  private final Clock clock;
  private final Map<PodKey, RunningPod> running = new ConcurrentHashMap<>();

  private final dev.weft.executor.ImageProfiles profiles;

  /** How images are run as host programs here; null when not known. */
  public dev.weft.executor.ImageProfiles imageProfiles() {
    return profiles;
  }

  /** The artifact directory the collector saves outputs to. */
  public dev.weft.controller.artifact.ArtifactRepository artifacts() {
    return collector.artifacts();
  }

  public LocalPods(
      Executor executor,
      PodPlanner planner,
      OutputCollector collector,
      Path podsRoot,
      Clock clock) {
    this(executor, planner, collector, podsRoot, clock, null);
  }

  /** Pods whose images run as {@code profiles} say (null: unknown), for provenance to name. */
  public LocalPods(
      Executor executor,
      PodPlanner planner,
      OutputCollector collector,
      Path podsRoot,
      Clock clock,
      dev.weft.executor.ImageProfiles profiles) {
    this.profiles = profiles;
    this.executor = executor;
    this.planner = planner;
    this.collector = collector;
    this.podsRoot = podsRoot;
    this.clock = clock;
  }

  /** Starts the pod unless it already runs; {@code report} receives its events. */
  @Override
  public void start(
      Workflow wf,
      WorkflowSpec spec,
      Library lib,
      Action.RunPod run,
      BiConsumer<Workflow, Event> report) {
    PodKey key = key(wf, run.podName());
    if (running.containsKey(key)) return;
    PodSpec podSpec;
    try {
      podSpec = planner.plan(run, wf, spec, lib, podDir(wf, run.podName()));
    } catch (IOException | RuntimeException e) {
      report.accept(wf, failed(run, String.valueOf(e.getMessage())));
      return;
    }
    RunningPod pod = executor.start(podSpec);
    if (running.putIfAbsent(key, pod) != null) {
      return; // a concurrent start won; this one only re-adopted the same containers
    }
    report.accept(wf, new Event.PodStarted(run.nodeId(), clock.instant()));
    pod.completion()
        .whenComplete(
            (outcome, error) -> {
              Event.PodFinished finished =
                  error != null
                      ? failed(run, String.valueOf(error.getMessage()))
                      : collector.collect(run, wf, pod, outcome, clock.instant());
              running.remove(key, pod);
              report.accept(wf, finished);
            });
  }

  private Event.PodFinished failed(Action.RunPod run, String message) {
    var now = clock.instant();
    return new Event.PodFinished(
        run.nodeId(), 1, Optional.of(message), new Outputs(null, null, null, null), now, now);
  }

  /**
   * Kills the pod; one an earlier process started and nobody adopted is killed through its shims.
   */
  @Override
  public void kill(Workflow wf, String podName, String reason) {
    RunningPod pod = running.get(key(wf, podName));
    if (pod != null) pod.kill(reason);
    else SandboxExecutor.killLeftovers(podDir(wf, podName));
  }

  /** Kills every pod this launcher runs (`weft run` ending; a server leaves them to be adopted). */
  @Override
  public void killAll(String reason) {
    running.values().forEach(p -> p.kill(reason));
  }

  /** Kills the workflow's pods and removes their files: the workflow is gone. */
  @Override
  public void forget(Workflow wf) {
    String uid = uid(wf);
    running.forEach(
        (key, pod) -> {
          if (key.workflowUid().equals(uid)) pod.kill("the workflow was deleted");
        });
    Path dir = podsRoot.resolve(uid);
    Thread.ofVirtual()
        .name("weft-forget-" + uid)
        .start(
            () -> {
              running.forEach(
                  (key, pod) -> {
                    if (key.workflowUid().equals(uid)) pod.completion().join();
                  });
              FileTrees.deleteQuietly(dir);
            });
  }

  /** Removes an ended pod's files (sandbox and logs), as Argo's podGC deletes the Pod. */
  @Override
  public void remove(Workflow wf, String podName) {
    if (running.containsKey(key(wf, podName))) return;
    SandboxExecutor.killLeftovers(podDir(wf, podName));
    FileTrees.deleteQuietly(podDir(wf, podName));
  }

  /** Whether any pod of the workflow still runs here (a killed one may be in its grace period). */
  @Override
  public boolean anyRunning(Workflow wf) {
    String uid = uid(wf);
    return running.keySet().stream().anyMatch(k -> k.workflowUid().equals(uid));
  }

  /**
   * Moves an ended pod's files aside, so its name can be used again (a retry) while the files can
   * still be put back ({@link #restore}) if what needed the name does not happen. Empty if the pod
   * has no files.
   */
  public Optional<Path> retire(Workflow wf, String podName) throws IOException {
    Path dir = podDir(wf, podName);
    if (!Files.exists(dir)) return Optional.empty();
    SandboxExecutor.killLeftovers(dir);
    Path aside =
        podsRoot.resolve(uid(wf)).resolve(".retired").resolve(podName + "-" + System.nanoTime());
    Files.createDirectories(aside.getParent());
    Files.move(dir, aside);
    return Optional.of(aside);
  }

  /** Puts back what {@link #retire} moved aside. */
  public void restore(Workflow wf, String podName, Path retired) throws IOException {
    Files.move(retired, podDir(wf, podName));
  }

  @Override
  public int runningCount() {
    return running.size();
  }

  /** What of a container's output {@link #logs} shows: its end, as much as a terminal wants. */
  static final int LOG_LIMIT = 1 << 20;

  /**
   * The end of the container's output (stdout then stderr, the last {@link #LOG_LIMIT} bytes of
   * each), read from the pod's files; empty once gone.
   */
  @Override
  public Optional<String> logs(Workflow wf, String podName, String container) {
    List<Path> files = logFiles(wf, podName, container);
    try {
      if (!Files.exists(files.get(0))) return Optional.empty();
      String out = Logs.readTail(files.get(0), LOG_LIMIT);
      String err = Logs.readTail(files.get(1), LOG_LIMIT);
      return Optional.of(out + err);
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /** The container's log files, stdout then stderr (they may not exist yet, or any more). */
  public List<Path> logFiles(Workflow wf, String podName, String container) {
    PodLayout layout = new PodLayout(podDir(wf, podName));
    return List.of(layout.stdout(container), layout.stderr(container));
  }

  public Path podDir(Workflow wf, String podName) {
    return podsRoot.resolve(uid(wf)).resolve(podName);
  }

  private static PodKey key(Workflow wf, String podName) {
    return new PodKey(uid(wf), podName);
  }

  private static String uid(Workflow wf) {
    String uid = wf.metadata().uid();
    return uid == null || uid.isBlank() ? wf.metadata().name() : uid;
  }
}
