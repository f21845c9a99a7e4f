package dev.weft.controller;

import dev.weft.controller.artifact.ArtifactRepository;
import dev.weft.controller.pod.LocalPods;
import dev.weft.controller.pod.OutputCollector;
import dev.weft.controller.pod.PodPlanner;
import dev.weft.controller.workflow.WorkflowController;
import dev.weft.controller.workflow.WorkflowReconciler;
import dev.weft.executor.ImageProfiles;
import dev.weft.executor.SandboxExecutor;
import dev.weft.executor.SandboxMode;
import dev.weft.model.Workflow;
import dev.weft.model.codec.ResourceDecoder;
import dev.weft.store.InMemoryStore;
import java.nio.file.Path;
import java.time.Clock;

/** A workflow controller over an in-memory store whose steps are real sandboxed processes. */
public final class LocalController implements AutoCloseable {
  public final InMemoryStore store = new InMemoryStore();
  private final LocalPods pods;
  private final WorkflowController controller;

  public LocalController(Path dir, WorkflowReconciler.Decider engine) throws Exception {
    ArtifactRepository artifacts = new ArtifactRepository(dir.resolve("artifacts"));
    pods =
        new LocalPods(
            new SandboxExecutor(
                new ImageProfiles(dir.resolve("shims")), SandboxMode.probe().mode()),
            new PodPlanner(artifacts, dir.resolve("volumes"), HostAccess.none()),
            new OutputCollector(artifacts),
            dir.resolve("pods"),
            Clock.systemUTC());
    controller = new WorkflowController(store, engine, pods, Clock.systemUTC(), 1);
    controller.start();
  }

  /** A workflow in namespace default from the YAML of its spec. */
  public static Workflow workflow(String name, String specYaml) {
    String yaml =
        "apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata: {name: "
            + name
            + ", namespace: default}\n"
            + specYaml;
    return (Workflow) ResourceDecoder.decode(yaml, name + ".yaml").resources().get(0).value();
  }

  /** Waits (up to 30 s) for the workflow to complete. */
  public Workflow awaitCompleted(String name) throws InterruptedException {
    for (int i = 0; i < 600; i++) {
      Workflow wf = store.get(Workflow.class, "default", name).orElseThrow();
      if (wf.completed()) return wf;
      Thread.sleep(50);
    }
    throw new AssertionError(name + " did not complete");
  }

  @Override
  public void close() throws Exception {
    controller.close();
    pods.killAll("test over");
  }
}
