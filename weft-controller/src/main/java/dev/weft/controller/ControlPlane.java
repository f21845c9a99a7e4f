package dev.weft.controller;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.controller.artifact.ArtifactRepository;
import dev.weft.controller.pod.OutputCollector;
import dev.weft.controller.pod.PodLauncher;
import dev.weft.controller.pod.PodPlanner;
import dev.weft.controller.workflow.Inbox;
import dev.weft.controller.workflow.WorkflowKey;
import dev.weft.controller.workflow.WorkflowReconciler;
import dev.weft.engine.Engine;
import dev.weft.engine.event.Event;
import dev.weft.executor.ImageProfiles;
import dev.weft.executor.SandboxExecutor;
import dev.weft.executor.SandboxMode;
import dev.weft.model.Workflow;
import dev.weft.runtime.Controller;
import dev.weft.store.InMemoryStore;
import dev.weft.store.RetryOnConflict;
import dev.weft.store.Store;
import dev.weft.store.StoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The control plane in one process: store, engine, sandboxed executor and the Workflow controller,
 * wired by hand. `weft run` builds one per run; the server will build one for its lifetime.
 */
public final class ControlPlane implements AutoCloseable {
  private final Store store;
  private final PodLauncher pods;
  private final WorkflowReconciler reconciler;
  private final Controller<WorkflowKey> controller;
  private final SandboxMode.Probe sandbox;

  public ControlPlane(Path dataDir, SandboxMode.Probe sandbox) throws IOException {
    this.sandbox = sandbox;
    Clock clock = Clock.systemUTC();
    this.store = new InMemoryStore();
    Files.createDirectories(dataDir);
    ArtifactRepository artifacts = new ArtifactRepository(dataDir.resolve("artifacts"));
    ImageProfiles profiles = new ImageProfiles(dataDir.resolve("shims"));
    SandboxExecutor executor = new SandboxExecutor(profiles, sandbox.mode());
    PodPlanner planner = new PodPlanner(artifacts, dataDir.resolve("volumes"));
    this.pods =
        new PodLauncher(
            executor, planner, new OutputCollector(artifacts), dataDir.resolve("pods"), clock);
    Controller<WorkflowKey>[] self = new Controller[1];
    this.reconciler =
        new WorkflowReconciler(
            store, new Engine(), pods, new Inbox(), clock, key -> self[0].enqueue(key));
    this.controller = Controller.builder("workflow", reconciler).workers(4).build();
    self[0] = controller;
    controller.start();
  }

  public Store store() {
    return store;
  }

  public PodLauncher pods() {
    return pods;
  }

  public SandboxMode.Probe sandbox() {
    return sandbox;
  }

  public Workflow submit(Workflow wf) {
    Workflow created = store.create(wf);
    controller.enqueue(key(created));
    return created;
  }

  public static WorkflowKey key(Workflow wf) {
    return new WorkflowKey(wf.metadata().namespaceOrDefault(), wf.metadata().name());
  }

  /** Resumes the workflow (spec.suspend) and its suspended nodes matching {@code node}. */
  public void resume(WorkflowKey key, String node, Map<String, String> outputs) {
    editSpec(
        key,
        spec -> {
          spec.remove("suspend");
          return spec;
        });
    reconciler.report(key, new Event.Resume(node, outputs));
  }

  /** Suspends the workflow (spec.suspend): no new steps start until it is resumed. */
  public void suspend(WorkflowKey key) {
    editSpec(key, spec -> spec.put("suspend", true));
    controller.enqueue(key);
  }

  /** Stop (exit handlers run) or Terminate (they don't), as Argo's spec.shutdown. */
  public void shutdown(WorkflowKey key, String strategy) {
    editSpec(key, spec -> spec.put("shutdown", strategy));
    controller.enqueue(key);
  }

  private void editSpec(WorkflowKey key, UnaryOperator<ObjectNode> edit) {
    try {
      RetryOnConflict.editSpec(store, Workflow.class, key.namespace(), key.name(), edit);
    } catch (StoreException.Conflict e) {
      // another writer kept winning; the request is dropped, as a lost race with a delete is
    }
  }

  @Override
  public void close() throws InterruptedException {
    pods.killAll("weft is shutting down");
    controller.shutdown(Duration.ofSeconds(5));
  }
}
