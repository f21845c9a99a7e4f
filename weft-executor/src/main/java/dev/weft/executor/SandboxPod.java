package dev.weft.executor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A pod started by {@link SandboxExecutor}: runs init containers in order, then the containers as
 * their dependencies allow, stops sidecars once the others ended, and completes {@link
 * #completion()} when every container has an outcome. One virtual thread drives the pod and one
 * waits for each container.
 */
final class SandboxPod implements RunningPod {
  private final PodSpec spec;
  private final PodLayout layout;
  private final Map<String, ContainerRun> runs = new LinkedHashMap<>();
  private final Map<String, ContainerOutcome> outcomes = new ConcurrentHashMap<>();
  private final CompletableFuture<PodOutcome> completion = new CompletableFuture<>();
  private volatile String killedReason;

  SandboxPod(PodSpec spec, ImageProfiles profiles, Launcher launcher, Duration grace) {
    this.spec = spec;
    this.layout = new PodLayout(spec.workDir());
    String hostname = ContainerEnv.hostname(spec.name());
    for (ContainerSpec container : spec.allContainers()) {
      runs.put(
          container.name(),
          new ContainerRun(container, hostname, layout, profiles, launcher, grace));
    }
  }

  void begin() {
    Thread.ofVirtual().name("weft-pod-" + spec.name()).start(this::drive);
  }

  private void drive() {
    try {
      Files.createDirectories(layout.workDir().resolve("logs"));
      if (runInitContainers()) {
        runContainers();
      }
    } catch (Throwable t) {
      for (ContainerSpec c : spec.allContainers()) {
        outcomes.putIfAbsent(c.name(), ContainerOutcome.notRun(c.name(), "executor error: " + t));
      }
    }
    Map<String, ContainerOutcome> ordered = new LinkedHashMap<>();
    for (ContainerSpec c : spec.allContainers()) {
      ordered.put(c.name(), outcomes.get(c.name()));
    }
    completion.complete(new PodOutcome(ordered, Optional.ofNullable(killedReason)));
  }

  /** Returns whether every init container succeeded. */
  private boolean runInitContainers() {
    List<ContainerSpec> inits = spec.initContainers();
    for (int i = 0; i < inits.size(); i++) {
      ContainerOutcome outcome = runs.get(inits.get(i).name()).run();
      outcomes.put(outcome.name(), outcome);
      if (!outcome.succeeded()) {
        String reason = "not run: init container \"" + outcome.name() + "\" failed";
        inits.subList(i + 1, inits.size()).forEach(c -> skip(c, reason));
        spec.containers().forEach(c -> skip(c, reason));
        return false;
      }
    }
    return true;
  }

  private void skip(ContainerSpec container, String reason) {
    outcomes.put(
        container.name(),
        ContainerOutcome.notRun(
            container.name(), killedReason != null ? podKilled(killedReason) : reason));
  }

  private void runContainers() {
    Map<String, String> invalid = DependencyGraph.invalid(spec.containers());
    Map<String, CompletableFuture<ContainerOutcome>> ended = new LinkedHashMap<>();
    spec.containers().forEach(c -> ended.put(c.name(), new CompletableFuture<>()));
    for (ContainerSpec container : spec.containers()) {
      CompletableFuture<ContainerOutcome> done = ended.get(container.name());
      Thread.ofVirtual()
          .name("weft-container-" + spec.name() + "-" + container.name())
          .start(() -> done.complete(runAfterDependencies(container, ended, invalid)));
    }
    List<CompletableFuture<ContainerOutcome>> mains =
        spec.containers().stream()
            .filter(c -> !spec.sidecars().contains(c.name()))
            .map(c -> ended.get(c.name()))
            .toList();
    CompletableFuture.allOf(mains.toArray(CompletableFuture[]::new)).join();
    for (String sidecar : spec.sidecars()) {
      runs.get(sidecar).stop("not run: sidecar not started before the main containers ended");
    }
    for (Map.Entry<String, CompletableFuture<ContainerOutcome>> entry : ended.entrySet()) {
      outcomes.put(entry.getKey(), entry.getValue().join());
    }
  }

  private ContainerOutcome runAfterDependencies(
      ContainerSpec container,
      Map<String, CompletableFuture<ContainerOutcome>> ended,
      Map<String, String> invalid) {
    try {
      if (invalid.containsKey(container.name())) {
        return ContainerOutcome.notRun(container.name(), invalid.get(container.name()));
      }
      for (String dependency : container.dependencies()) {
        ContainerOutcome before = ended.get(dependency).join();
        if (!before.succeeded()) {
          return ContainerOutcome.notRun(
              container.name(),
              killedReason != null
                  ? podKilled(killedReason)
                  : "not run: dependency \"" + dependency + "\" did not succeed");
        }
      }
      return runs.get(container.name()).run();
    } catch (Throwable t) {
      return ContainerOutcome.notRun(container.name(), "executor error: " + t);
    }
  }

  private static String podKilled(String reason) {
    return "not run: pod killed: " + reason;
  }

  @Override
  public CompletableFuture<PodOutcome> completion() {
    return completion.copy();
  }

  @Override
  public void kill(String reason) {
    synchronized (this) {
      if (killedReason == null) {
        killedReason = reason;
      }
    }
    runs.values().forEach(run -> run.stop(podKilled(killedReason)));
  }

  @Override
  public Path hostPath(String containerName, String containerPath) {
    ContainerRun run = run(containerName);
    String path =
        containerPath.startsWith("/") ? containerPath : run.workingDir() + "/" + containerPath;
    return run.fs().hostPath(path);
  }

  @Override
  public HostFile hostFile(String containerName, String containerPath) {
    ContainerRun run = run(containerName);
    String path =
        containerPath.startsWith("/") ? containerPath : run.workingDir() + "/" + containerPath;
    return run.fs().hostFile(path);
  }

  @Override
  public Path stdoutFile(String containerName) {
    return layout.stdout(run(containerName).name());
  }

  @Override
  public Path stderrFile(String containerName) {
    return layout.stderr(run(containerName).name());
  }

  private ContainerRun run(String containerName) {
    ContainerRun run = runs.get(containerName);
    if (run == null) {
      throw new IllegalArgumentException("no container " + containerName + " in " + spec.name());
    }
    return run;
  }
}
