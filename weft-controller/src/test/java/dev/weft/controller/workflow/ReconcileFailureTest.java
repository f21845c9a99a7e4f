package dev.weft.controller.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.controller.LocalController;
import dev.weft.engine.Engine;
import dev.weft.model.Workflow;
import dev.weft.model.status.WorkflowPhase;
import java.nio.file.Path;
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
  private final java.util.Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
  private final java.util.List<LogRecord> logs = new CopyOnWriteArrayList<>();
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
  private LocalController plane;

  @BeforeEach
  void captureLogs() {
    jul.addHandler(capture);
  }

  @AfterEach
  void stop() throws Exception {
    jul.removeHandler(capture);
    if (plane != null) plane.close();
  }

  private static int overflow(int n) {
    return overflow(n + 1) + 1;
  }

  private void start(Supplier<Throwable> failure) throws Exception {
    Engine engine = new Engine();
    plane =
        new LocalController(
            dir,
            (wf, lib, events, now) -> {
              attempts
                  .computeIfAbsent(wf.metadata().name(), k -> new AtomicInteger())
                  .incrementAndGet();
              if (wf.metadata().name().equals("bad")) {
                Throwable t = failure.get();
                if (t instanceof RuntimeException r) throw r;
                throw (Error) t;
              }
              return engine.reconcile(wf, lib, events, now);
            });
  }

  private static final String SPEC =
      """
      spec:
        entrypoint: main
        templates:
        - name: main
          container: {image: alpine, command: [sh, -c, "echo hi"]}
      """;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"IllegalStateException", "StackOverflowError", "OutOfMemoryError"})
  void aWorkflowWhoseReconcileThrowsEndsInErrorWhileAnotherCompletes(String kind) throws Exception {
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

    plane.store.create(LocalController.workflow("bad", SPEC));
    plane.store.create(LocalController.workflow("good", SPEC));

    Workflow good = plane.awaitCompleted("good");
    Workflow bad = plane.awaitCompleted("bad");
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
