package dev.weft.bench;

import dev.weft.executor.ContainerOutcome;
import dev.weft.executor.Executor;
import dev.weft.executor.PodLayout;
import dev.weft.executor.PodOutcome;
import dev.weft.executor.PodSpec;
import dev.weft.executor.RunningPod;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * An executor whose pods succeed the moment they start, without a process: what is left of a step's
 * cost is Weft's own (engine, store, controller), as an in-process task is for Flowable or
 * Temporal.
 */
final class NoopExecutor implements Executor {
  @Override
  public RunningPod start(PodSpec spec) {
    Instant now = Instant.now();
    Map<String, ContainerOutcome> outcomes = new LinkedHashMap<>();
    spec.allContainers()
        .forEach(
            c ->
                outcomes.put(
                    c.name(), new ContainerOutcome(c.name(), 0, true, now, now, Optional.empty())));
    PodLayout layout = new PodLayout(spec.workDir());
    CompletableFuture<PodOutcome> done =
        CompletableFuture.completedFuture(new PodOutcome(outcomes, Optional.empty()));
    return new RunningPod() {
      @Override
      public CompletableFuture<PodOutcome> completion() {
        return done;
      }

      @Override
      public void kill(String reason) {}

      @Override
      public Path hostPath(String containerName, String containerPath) {
        return layout.root(containerName).resolve(containerPath.replaceFirst("^/", ""));
      }

      @Override
      public Path stdoutFile(String containerName) {
        return layout.stdout(containerName);
      }

      @Override
      public Path stderrFile(String containerName) {
        return layout.stderr(containerName);
      }
    };
  }
}
