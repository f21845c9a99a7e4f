package dev.weft.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.ConfigMap;
import dev.weft.model.Workflow;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Group commit of a {@link JdbcStore} ({@link WriteQueue}), with real threads on a real database:
 * concurrent writes share commits, keep gap-free versions, and fail alone or all together as their
 * cause says. Run by each database's test class.
 */
abstract class WriteQueueContract {
  private static final String NS = "batch";

  /** A new, empty store keeping at least {@code historyLimit} changes. */
  protected abstract JdbcStore newStore(int historyLimit);

  private final List<Thread> threads = new ArrayList<>();
  private final CountDownLatch release = new CountDownLatch(1);

  @AfterEach
  void releaseTheLeader() throws InterruptedException {
    release.countDown();
    for (Thread t : threads) {
      t.join(10_000);
    }
  }

  @Test
  void concurrentWritersShareCommitsAndGetGapFreeVersions() throws Exception {
    int writers = 16;
    int writesEach = 50;
    JdbcStore store = newStore(2 * writers * writesEach);
    long before = Long.parseLong(store.currentResourceVersion());
    long commitsBefore = store.writeQueue().commits();
    Map<Long, String> written = new ConcurrentHashMap<>();
    CountDownLatch start = new CountDownLatch(1);
    List<CompletableFuture<String>> done = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      String name = "cm-" + w;
      done.add(
          inThread(
              () -> {
                await(start);
                ConfigMap cm = store.create(Fixtures.configMap(NS, name, Map.of("n", "0")));
                written.put(version(cm), name + " n=0");
                for (int i = 1; i < writesEach; i++) {
                  Map<String, String> data = Map.of("n", Integer.toString(i));
                  cm = store.update(new ConfigMap(null, null, cm.metadata(), data, null, null));
                  written.put(version(cm), name + " n=" + i);
                }
                return cm.metadata().resourceVersion();
              }));
    }
    start.countDown();

    for (int w = 0; w < writers; w++) {
      String last = done.get(w).get(60, TimeUnit.SECONDS);
      ConfigMap stored = store.get(ConfigMap.class, NS, "cm-" + w).orElseThrow();
      assertThat(stored.metadata().resourceVersion()).isEqualTo(last);
      assertThat(stored.data()).containsEntry("n", Integer.toString(writesEach - 1));
    }
    int total = writers * writesEach;
    assertThat(written.keySet())
        .containsExactlyInAnyOrderElementsOf(
            LongStream.rangeClosed(before + 1, before + total).boxed().toList());
    assertThat(store.currentResourceVersion()).isEqualTo(Long.toString(before + total));
    assertThat(replay(store, before, total)).isEqualTo(written);
    long commits = store.writeQueue().commits() - commitsBefore;
    System.out.printf("group commit: %d writes in %d commits%n", total, commits);
    assertThat(commits).isLessThan(total);
  }

  @Test
  void aConflictInABatchFailsOnlyItsCaller() throws Exception {
    JdbcStore store = newStore(100);
    ConfigMap a = store.create(Fixtures.configMap(NS, "a", Map.of("v", "0")));
    ConfigMap b = store.create(Fixtures.configMap(NS, "b", Map.of("v", "0")));
    ConfigMap stale = b;
    b = store.update(new ConfigMap(null, null, b.metadata(), Map.of("v", "1"), null, null));
    long before = version(b);
    long commitsBefore = store.writeQueue().commits();

    holdTheWriter(store);
    var first = queue(store, () -> store.update(withData(a, "2")));
    var conflicting = queue(store, () -> store.update(withData(stale, "2")));
    var created = queue(store, () -> store.create(Fixtures.configMap(NS, "c", Map.of())));
    var missing = queue(store, () -> store.update(Fixtures.configMap(NS, "none", Map.of())));
    var last = queue(store, () -> store.update(withData(a, "3")));
    release.countDown();

    assertThat(version(first.get(10, TimeUnit.SECONDS))).isEqualTo(before + 1);
    assertThat(failure(conflicting)).isInstanceOf(StoreException.Conflict.class);
    assertThat(version(created.get(10, TimeUnit.SECONDS))).isEqualTo(before + 2);
    assertThat(failure(missing)).isInstanceOf(StoreException.NotFound.class);
    // "a" was changed by the first write of the batch, so this stale update conflicts too
    assertThat(failure(last)).isInstanceOf(StoreException.Conflict.class);
    assertThat(store.get(ConfigMap.class, NS, "b").orElseThrow()).isEqualTo(b);
    assertThat(store.currentResourceVersion()).isEqualTo(Long.toString(before + 2));
    // the holder's transaction and the batch's
    assertThat(store.writeQueue().commits() - commitsBefore).isEqualTo(2);
  }

  @Test
  void aWriteRolledBackToItsSavepointLeavesNoTraceForTheNextOne() throws Exception {
    JdbcStore store = newStore(100);
    ConfigMap a = store.create(Fixtures.configMap(NS, "a", Map.of("v", "0")));
    StoreWrites rules = new StoreWrites(new ObjectLifecycle(Fixtures.clock(), new Random(42)));

    holdTheWriter(store);
    var changedThenFailed =
        queue(
            store,
            () ->
                store
                    .writeQueue()
                    .submit(
                        tx -> {
                          rules.update(tx, withData(a, "lost"));
                          throw new StoreException.Invalid("rejected after its change");
                        },
                        committed -> {}));
    var next = queue(store, () -> store.update(withData(a, "kept")));
    release.countDown();

    assertThat(failure(changedThenFailed)).isInstanceOf(StoreException.Invalid.class);
    ConfigMap kept = next.get(10, TimeUnit.SECONDS);
    assertThat(version(kept)).isEqualTo(version(a) + 1);
    assertThat(store.get(ConfigMap.class, NS, "a").orElseThrow().data()).containsEntry("v", "kept");
  }

  @Test
  void anSqlFailureFailsTheWholeBatchAndKeepsNothing() throws Exception {
    JdbcStore store = newStore(100);
    long before = Long.parseLong(store.currentResourceVersion());
    long commitsBefore = store.writeQueue().commits();

    holdTheWriter(store);
    var x = queue(store, () -> store.create(Fixtures.configMap(NS, "x", Map.of())));
    var wf = queue(store, () -> store.create(Fixtures.workflow(NS, "wf")));
    var broken =
        queue(
            store,
            () ->
                store
                    .writeQueue()
                    .submit(
                        tx -> {
                          throw new JdbcWriteTx.Failed(new SQLException("disk I/O error"));
                        },
                        committed -> {}));
    var y = queue(store, () -> store.create(Fixtures.configMap(NS, "y", Map.of())));
    release.countDown();

    for (var answer : List.of(x, wf, broken, y)) {
      assertThat(failure(answer))
          .isInstanceOf(StorageFailure.class)
          .hasMessageContaining("disk I/O error");
    }
    assertThat(store.list(ConfigMap.class, NS, null)).isEmpty();
    assertThat(store.list(Workflow.class, NS, null)).isEmpty();
    assertThat(store.currentResourceVersion()).isEqualTo(Long.toString(before));
    assertThat(store.writeQueue().commits() - commitsBefore).isEqualTo(1);
    // and the store goes on with the next version
    ConfigMap after = store.create(Fixtures.configMap(NS, "after", Map.of()));
    assertThat(version(after)).isEqualTo(before + 1);
  }

  /**
   * Starts a write that holds the writer (it leads a batch of its own) until {@link #release}, so
   * the writes queued meanwhile form the next batch, in the order they are queued.
   */
  private void holdTheWriter(JdbcStore store) throws InterruptedException {
    CountDownLatch holding = new CountDownLatch(1);
    inThread(
        () ->
            store
                .writeQueue()
                .submit(
                    tx -> {
                      holding.countDown();
                      await(release);
                      return "held";
                    },
                    committed -> {}));
    assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
  }

  /** Starts {@code write} in a thread of its own and waits until it is queued behind the rest. */
  private <T> CompletableFuture<T> queue(JdbcStore store, Supplier<T> write)
      throws InterruptedException {
    int waiting = store.writeQueue().waiting();
    CompletableFuture<T> answer = inThread(write);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (store.writeQueue().waiting() == waiting && System.nanoTime() < deadline) {
      Thread.sleep(1);
    }
    assertThat(store.writeQueue().waiting()).isEqualTo(waiting + 1);
    return answer;
  }

  private <T> CompletableFuture<T> inThread(Supplier<T> work) {
    CompletableFuture<T> answer = new CompletableFuture<>();
    threads.add(
        Thread.ofPlatform()
            .start(
                () -> {
                  try {
                    answer.complete(work.get());
                  } catch (RuntimeException | Error e) {
                    answer.completeExceptionally(e);
                  }
                }));
    return answer;
  }

  /** What the write threw to its caller. */
  private static Throwable failure(CompletableFuture<?> answer) throws InterruptedException {
    try {
      Object value = answer.get(10, TimeUnit.SECONDS);
      throw new AssertionError("expected a failure, got " + value);
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (TimeoutException e) {
      throw new AssertionError("no answer", e);
    }
  }

  /**
   * The {@code count} changes after {@code from}, as a watch replays them: version → "name n=N".
   */
  private static Map<Long, String> replay(JdbcStore store, long from, int count)
      throws InterruptedException {
    Map<Long, String> seen = new ConcurrentHashMap<>();
    try (Watch w =
        store.watch(
            ConfigMap.class,
            NS,
            Long.toString(from),
            e ->
                seen.put(
                    Long.parseLong(e.resourceVersion()),
                    e.object().metadata().name()
                        + " n="
                        + ((ConfigMap) e.object()).data().get("n")))) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (seen.size() < count && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
    }
    return Map.copyOf(seen);
  }

  private static ConfigMap withData(ConfigMap cm, String value) {
    return new ConfigMap(null, null, cm.metadata(), Map.of("v", value), null, null);
  }

  private static long version(ConfigMap cm) {
    return Long.parseLong(cm.metadata().resourceVersion());
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
