package dev.weft.controller.pod;

import dev.weft.engine.Library;
import dev.weft.engine.action.Action;
import dev.weft.engine.event.Event;
import dev.weft.executor.Executor;
import dev.weft.executor.PodSpec;
import dev.weft.executor.RunningPod;
import dev.weft.model.Workflow;
import dev.weft.model.spec.Outputs;
import dev.weft.model.spec.WorkflowSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * Starts pods for the engine's RunPod actions and reports back, as events, when they start and end.
 * It is the kubelet of local mode.
 */
public final class PodLauncher {
  private final Executor executor;
  private final PodPlanner planner;
  private final OutputCollector collector;
  private final Path podsRoot;
  private final Clock clock;
  private final Map<String, RunningPod> running = new ConcurrentHashMap<>();
  private final Map<String, RunningPod> byPodName = new ConcurrentHashMap<>();

  public PodLauncher(
      Executor executor,
      PodPlanner planner,
      OutputCollector collector,
      Path podsRoot,
      Clock clock) {
    this.executor = executor;
    this.planner = planner;
    this.collector = collector;
    this.podsRoot = podsRoot;
    this.clock = clock;
  }

  /** Starts the pod unless it already runs; {@code report} receives its events. */
  public void start(
      Workflow wf,
      WorkflowSpec spec,
      Library lib,
      Action.RunPod run,
      BiConsumer<Workflow, Event> report) {
    if (running.containsKey(run.nodeId())) return;
    Path podDir =
        podsRoot
            .resolve(wf.metadata().namespaceOrDefault())
            .resolve(wf.metadata().name())
            .resolve(run.podName());
    PodSpec podSpec;
    try {
      podSpec = planner.plan(run, wf, spec, lib, podDir);
    } catch (IOException | RuntimeException e) {
      var now = clock.instant();
      report.accept(
          wf,
          new Event.PodFinished(
              run.nodeId(),
              1,
              Optional.of(String.valueOf(e.getMessage())),
              new Outputs(null, null, null, null),
              now,
              now));
      return;
    }
    RunningPod pod = executor.start(podSpec);
    running.put(run.nodeId(), pod);
    byPodName.put(run.podName(), pod);
    report.accept(wf, new Event.PodStarted(run.nodeId(), clock.instant()));
    pod.completion()
        .whenComplete(
            (outcome, error) -> {
              Event.PodFinished finished;
              if (error != null) {
                var now = clock.instant();
                finished =
                    new Event.PodFinished(
                        run.nodeId(),
                        1,
                        Optional.of(String.valueOf(error.getMessage())),
                        new Outputs(null, null, null, null),
                        now,
                        now);
              } else {
                finished =
                    collector.collect(run, wf.metadata().name(), pod, outcome, clock.instant());
              }
              running.remove(run.nodeId());
              report.accept(wf, finished);
            });
  }

  public void kill(String nodeId, String reason) {
    RunningPod pod = running.get(nodeId);
    if (pod != null) pod.kill(reason);
  }

  public void killAll(String reason) {
    running.values().forEach(p -> p.kill(reason));
  }

  public int runningCount() {
    return running.size();
  }

  /** The pod's main output, for `weft run` to show; empty once unknown. */
  public Optional<String> logs(String podName, String container) {
    RunningPod pod = byPodName.get(podName);
    if (pod == null) return Optional.empty();
    try {
      String out = pod.stdout(container, 1 << 20);
      String err =
          java.nio.file.Files.exists(pod.stderrFile(container))
              ? java.nio.file.Files.readString(pod.stderrFile(container))
              : "";
      return Optional.of(out + err);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
