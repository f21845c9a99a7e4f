package dev.weft.controller.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.controller.artifact.ArtifactRepository;
import dev.weft.controller.pod.OutputCollector;
import dev.weft.controller.pod.PodLauncher;
import dev.weft.controller.pod.PodPlanner;
import dev.weft.engine.Engine;
import dev.weft.executor.ImageProfiles;
import dev.weft.executor.SandboxExecutor;
import dev.weft.executor.SandboxMode;
import dev.weft.model.Workflow;
import dev.weft.model.codec.ResourceDecoder;
import dev.weft.model.status.WorkflowPhase;
import dev.weft.store.InMemoryStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A workflow whose reconcile throws ends in Error after a bounded number of tries, with one stack
 * trace logged, while another workflow runs its real step process to the end.
 */
class ReconcileFailureTest {
  @TempDir Path dir;
  private final InMemoryStore store = new InMemoryStore();
  private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
  private final List<LogRecord> logs = new CopyOnWriteArrayList<>();
  private final Logger jul = Logger.getLogger(WorkflowReconciler.class.getName());
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord r) {
          logs.add(r);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };
  private PodLauncher pods;
  private WorkflowController controller;

  @BeforeEach
  void captureLogs() {
    jul.addHandler(capture);
  }

  @AfterEach
  void stop() throws Exception {
    jul.removeHandler(capture);
    if (controller != null) controller.close();
    if (pods != null) pods.killAll("test over");
  }

  private static int overflow(int n) {
    return overflow(n + 1) + 1;
  }

  private static Workflow workflow(String name) {
    String yaml =
        """
        apiVersion: argoproj.io/v1alpha1
        kind: Workflow
        metadata: {name: %s, namespace: default}
        spec:
          entrypoint: main
          templates:
          - name: main
            container: {image: alpine, command: [sh, -c, "echo hi"]}
        """
            .formatted(name);
    return (Workflow) ResourceDecoder.decode(yaml, name + ".yaml").resources().get(0).value();
  }

  private void start(Supplier<Throwable> failure) throws Exception {
    Engine engine = new Engine();
    ArtifactRepository artifacts = new ArtifactRepository(dir.resolve("artifacts"));
    pods =
        new PodLauncher(
            new SandboxExecutor(
                new ImageProfiles(dir.resolve("shims")), SandboxMode.probe().mode()),
            new PodPlanner(artifacts, dir.resolve("volumes")),
            new OutputCollector(artifacts),
            dir.resolve("pods"),
            Clock.systemUTC());
    controller =
        new WorkflowController(
            store,
            (wf, lib, events, now) -> {
              attempts.computeIfAbsent(wf.metadata().name(), k -> new AtomicInteger()).incrementAndGet();
              if (wf.metadata().name().equals("bad")) {
                Throwable t = failure.get();
                if (t instanceof RuntimeException r) throw r;
                throw (Error) t;
              }
              return engine.reconcile(wf, lib, events, now);
            },
            pods,
            Clock.systemUTC(),
            1);
    controller.start();
  }

  private Workflow awaitCompleted(String name) throws InterruptedException {
    for (int i = 0; i < 600; i++) {
      Workflow wf = store.get(Workflow.class, "default", name).orElseThrow();
      if (wf.completed()) return wf;
      Thread.sleep(50);
    }
    throw new AssertionError(name + " did not complete");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"IllegalStateException", "StackOverflowError", "OutOfMemoryError"})
  void aWorkflowWhoseReconcileThrowsEndsInErrorWhileAnotherCompletes(String kind)
      throws Exception {
    start(
        () ->
            switch (kind) {
              case "StackOverflowError" -> {
                try {
                  overflow(0);
                  yield null;
                } catch (StackOverflowError e) {
                  yield e;
                }
              }
              case "OutOfMemoryError" -> {
                try {
                  yield new AssertionError(new long[Integer.MAX_VALUE].length);
                } catch (OutOfMemoryError e) {
                  yield e;
                }
              }
              default -> new IllegalStateException("engine bug");
            });

    store.create(workflow("bad"));
    store.create(workflow("good"));

    Workflow good = awaitCompleted("good");
    Workflow bad = awaitCompleted("bad");
    assertThat(good.status().phase()).isEqualTo(WorkflowPhase.SUCCEEDED);
    assertThat(bad.status().phase()).isEqualTo(WorkflowPhase.ERROR);
    assertThat(bad.status().message())
        .startsWith(
            "the controller failed to reconcile this workflow "
                + WorkflowReconciler.MAX_FAILURES
                + " times: "
                + kind);
    assertThat(attempts.get("bad")).hasValue(WorkflowReconciler.MAX_FAILURES);
    assertThat(logs.stream().filter(r -> r.getThrown() != null)).hasSize(1);
  }
}
