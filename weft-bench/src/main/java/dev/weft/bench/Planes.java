package dev.weft.bench;

import dev.weft.controller.ControlPlane;
import dev.weft.executor.Executor;
import dev.weft.executor.SandboxMode;
import dev.weft.model.Workflow;
import dev.weft.store.JdbcOptions;
import dev.weft.store.JdbcOptions.Durability;
import dev.weft.store.JdbcStore;
import dev.weft.store.Stores;
import dev.weft.store.Watch;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Control planes on the durable (SQLite) store for the benchmarks, and waiting for workflows. */
final class Planes {
  private Planes() {}

  static ControlPlane sandboxed(Path dir) throws IOException {
    JdbcStore store = Stores.open(dir.resolve("weft.db").toString());
    return ControlPlane.service(dir, SandboxMode.probe(), store, store::close);
  }

  static ControlPlane withExecutor(Path dir, Executor executor, Durability durability)
      throws IOException {
    JdbcStore store =
        Stores.open(
            dir.resolve("weft.db").toString(), JdbcOptions.defaults().withDurability(durability));
    return ControlPlane.service(dir, SandboxMode.probe(), store, store::close, executor);
  }

  /** Submits the workflows and returns when all have completed. */
  static void runAll(ControlPlane plane, Iterable<Workflow> workflows, Duration limit)
      throws InterruptedException {
    Set<String> pending = ConcurrentHashMap.newKeySet();
    for (Workflow wf : workflows) pending.add(wf.name());
    CountDownLatch done = new CountDownLatch(pending.size());
    try (Watch watch =
        plane
            .store()
            .watch(
                Workflow.class,
                null,
                null,
                e -> {
                  if (e.object() instanceof Workflow w
                      && w.completed()
                      && pending.remove(w.name())) {
                    done.countDown();
                  }
                })) {
      for (Workflow wf : workflows) plane.submit(wf);
      if (!done.await(limit.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new IllegalStateException(pending.size() + " workflows unfinished after " + limit);
      }
    }
  }

  static Workflow run(ControlPlane plane, Workflow wf, Duration limit) throws InterruptedException {
    runAll(plane, java.util.List.of(wf), limit);
    return plane.store().get(Workflow.class, "default", wf.name()).orElseThrow();
  }
}
