package dev.weft.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ControllerTest {
  private final ManualTicker ticker = new ManualTicker();
  private final RateLimitingQueue<String> queue =
      new RateLimitingQueue<>(RateLimiter.defaultControllerRateLimiter(ticker), ticker);
  private Controller<String> controller;

  @AfterEach
  void stop() throws InterruptedException {
    if (controller != null) {
      controller.shutdown(Duration.ofSeconds(5));
    }
  }

  private Controller<String> start(Reconciler<String> reconciler, int workers) {
    controller =
        Controller.builder("test", reconciler).queue(queue).workers(workers).ticker(ticker).build();
    controller.start();
    return controller;
  }

  @Test
  void fourWorkersReconcileEveryKeyExactlyOncePerAdd() throws Exception {
    int n = 500;
    Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    CountDownLatch all = new CountDownLatch(n);
    start(
        key -> {
          counts.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
          all.countDown();
          return Result.done();
        },
        4);

    for (int i = 0; i < n; i++) {
      controller.enqueue("key-" + i);
    }

    assertThat(all.await(20, TimeUnit.SECONDS)).isTrue();
    assertThat(controller.shutdown(Duration.ofSeconds(5))).isTrue();
    assertThat(counts).hasSize(n);
    assertThat(counts.values()).allSatisfy(c -> assertThat(c).hasValue(1));
    assertThat(controller.metrics().workCount()).isEqualTo(n);
    assertThat(controller.metrics().adds()).isEqualTo(n);
  }

  @Test
  void failingReconcileIsRetriedWithGrowingBackoff() throws Exception {
    AtomicInteger attempts = new AtomicInteger();
    BlockingQueue<ReconcileFailure<String>> failures = new LinkedBlockingQueue<>();
    controller =
        Controller.<String>builder(
                "test",
                key -> {
                  if (attempts.incrementAndGet() < 3) {
                    throw new IllegalStateException("attempt " + attempts.get());
                  }
                  return Result.done();
                })
            .queue(queue)
            .ticker(ticker)
            .onFailure(failures::add)
            .build();
    controller.start();

    controller.enqueue("a");
    await(() -> queue.waitingLen() == 1);
    ticker.advance(Duration.ofMillis(4));
    assertThat(queue.waitingLen()).isEqualTo(1);
    ticker.advance(Duration.ofMillis(1));
    await(() -> attempts.get() == 2 && queue.waitingLen() == 1);
    ticker.advance(Duration.ofMillis(9));
    assertThat(queue.waitingLen()).isEqualTo(1);
    ticker.advance(Duration.ofMillis(1));
    await(() -> controller.metrics().workCount() == 3);

    assertThat(attempts).hasValue(3);
    assertThat(failures)
        .extracting(f -> f.error().getMessage() + " after " + f.previousFailures())
        .containsExactly("attempt 1 after 0", "attempt 2 after 1");
    assertThat(controller.metrics().errors()).isEqualTo(2);
    assertThat(controller.metrics().retries()).isEqualTo(2);
    await(() -> queue.numRequeues("a") == 0);
  }

  @Test
  void requeueAfterReconcilesAgainAfterTheDelay() throws Exception {
    AtomicInteger attempts = new AtomicInteger();
    start(
        key ->
            attempts.incrementAndGet() == 1
                ? Result.requeueAfter(Duration.ofSeconds(30))
                : Result.done(),
        1);

    controller.enqueue("a");
    await(() -> queue.waitingLen() == 1);
    ticker.advance(Duration.ofSeconds(29));
    assertThat(attempts).hasValue(1);
    ticker.advance(Duration.ofSeconds(1));

    await(() -> attempts.get() == 2);
  }

  @Test
  void requeueIsRateLimited() throws Exception {
    AtomicInteger attempts = new AtomicInteger();
    start(key -> attempts.incrementAndGet() == 1 ? Result.requeue() : Result.done(), 1);

    controller.enqueue("a");
    await(() -> queue.waitingLen() == 1);
    assertThat(queue.numRequeues("a")).isEqualTo(1);
    ticker.advance(Duration.ofMillis(5));

    await(() -> attempts.get() == 2);
  }

  @Test
  void shutdownWaitsForTheRunningReconcileAndTakesNoMoreWork() throws Exception {
    CountDownLatch running = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    List<String> reconciled = new java.util.concurrent.CopyOnWriteArrayList<>();
    start(
        key -> {
          reconciled.add(key);
          running.countDown();
          release.await();
          return Result.done();
        },
        1);
    controller.enqueue("first");
    running.await();
    controller.enqueue("second");
    assertThat(controller.metrics().inFlight()).isEqualTo(1);

    BlockingQueue<Boolean> clean = new LinkedBlockingQueue<>();
    Thread stopper =
        Thread.ofVirtual()
            .start(
                () -> {
                  try {
                    clean.add(controller.shutdown(Duration.ofSeconds(20)));
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                });
    await(queue::isShuttingDown);
    assertThat(clean).isEmpty();
    release.countDown();

    assertThat(clean.poll(20, TimeUnit.SECONDS)).isTrue();
    stopper.join();
    assertThat(reconciled).containsExactly("first");
    assertThat(controller.metrics().inFlight()).isZero();
  }

  @Test
  void shutdownGivesUpOnAStuckReconcile() throws Exception {
    CountDownLatch running = new CountDownLatch(1);
    start(
        key -> {
          running.countDown();
          new CountDownLatch(1).await();
          return Result.done();
        },
        1);
    controller.enqueue("stuck");
    running.await();

    assertThat(controller.shutdown(Duration.ofMillis(50))).isFalse();
  }

  private static int overflow(int n) {
    return overflow(n + 1) + 1;
  }

  @Test
  void stackOverflowAndOutOfMemoryInOneKeyNeverKillTheOnlyWorker() throws Exception {
    List<String> done = new java.util.concurrent.CopyOnWriteArrayList<>();
    start(
        key -> {
          switch (key) {
            case "overflow" -> overflow(0);
            case "oom" -> {
              long[] huge = new long[Integer.MAX_VALUE]; // over the VM's array limit: a real OOM
              done.add("oom " + huge.length);
            }
            default -> done.add(key);
          }
          return Result.done();
        },
        1);

    controller.enqueue("overflow");
    controller.enqueue("oom");
    controller.enqueue("good");
    await(() -> done.contains("good"));

    assertThat(controller.metrics().errors()).isEqualTo(2);
    controller.enqueue("after");
    await(() -> done.contains("after"));
  }

  @Test
  void aKeyThatKeepsFailingLogsOneStackTrace() throws Exception {
    java.util.logging.Logger jul = java.util.logging.Logger.getLogger(Controller.class.getName());
    List<java.util.logging.LogRecord> records = new java.util.concurrent.CopyOnWriteArrayList<>();
    java.util.logging.Handler capture =
        new java.util.logging.Handler() {
          @Override
          public void publish(java.util.logging.LogRecord r) {
            records.add(r);
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    jul.addHandler(capture);
    try {
      AtomicInteger attempts = new AtomicInteger();
      start(
          key -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("always");
          },
          1);

      controller.enqueue("a");
      for (int i = 1; i <= 4; i++) {
        int n = i;
        await(() -> attempts.get() == n && queue.waitingLen() == 1);
        ticker.advance(Duration.ofSeconds(10));
      }
      await(() -> attempts.get() == 5);
      await(() -> records.size() == 5);

      assertThat(records.stream().filter(r -> r.getThrown() != null)).hasSize(1);
      assertThat(records.get(4).getMessage()).contains("failed again (4 before)", "always");
    } finally {
      jul.removeHandler(capture);
    }
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    for (int i = 0; i < 20_000 && !condition.getAsBoolean(); i++) {
      Thread.sleep(1);
    }
    assertThat(condition.getAsBoolean()).as("condition reached").isTrue();
  }
}
