package dev.weft.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RateLimitingQueueTest {
  private final ManualTicker ticker = new ManualTicker();
  private final RateLimitingQueue<String> queue =
      new RateLimitingQueue<>(RateLimiter.defaultControllerRateLimiter(ticker), ticker);

  @Test
  void keyAddedManyTimesIsQueuedOnce() throws Exception {
    queue.add("a");
    queue.add("b");
    queue.add("a");
    queue.add("a");

    assertThat(queue.len()).isEqualTo(2);
    assertThat(queue.get()).isEqualTo("a");
    assertThat(queue.get()).isEqualTo("b");
    assertThat(queue.len()).isZero();
    assertThat(queue.adds()).isEqualTo(2);
  }

  @Test
  void keyAddedWhileProcessingIsQueuedAgainOnlyAfterDone() throws Exception {
    queue.add("a");
    String key = queue.get();

    queue.add("a");
    assertThat(queue.len()).isZero();

    queue.done(key);
    assertThat(queue.len()).isEqualTo(1);
    assertThat(queue.get()).isEqualTo("a");
  }

  @Test
  void secondWorkerWaitsUntilFirstIsDoneWithTheKey() throws Exception {
    queue.add("a");
    String first = queue.get();
    queue.add("a");
    CountDownLatch secondAsking = new CountDownLatch(1);
    BlockingQueue<String> secondGot = new LinkedBlockingQueue<>();
    Thread second =
        Thread.ofVirtual()
            .start(
                () -> {
                  secondAsking.countDown();
                  try {
                    secondGot.add(queue.get());
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                });
    secondAsking.await();

    assertThat(secondGot.poll(100, TimeUnit.MILLISECONDS)).isNull();
    queue.done(first);
    assertThat(secondGot.poll(10, TimeUnit.SECONDS)).isEqualTo("a");
    second.join();
  }

  @Test
  void manyWorkersNeverHoldOneKeyAtOnce() throws Exception {
    RateLimitingQueue<Integer> q = RateLimitingQueue.withDefaults();
    AtomicInteger[] holders = new AtomicInteger[4];
    for (int i = 0; i < holders.length; i++) {
      holders[i] = new AtomicInteger();
    }
    AtomicInteger overlaps = new AtomicInteger();
    Thread[] workers = new Thread[8];
    for (int w = 0; w < workers.length; w++) {
      workers[w] =
          Thread.ofPlatform()
              .start(
                  () -> {
                    try {
                      for (Integer k = q.get(); k != null; k = q.get()) {
                        if (holders[k].incrementAndGet() > 1) {
                          overlaps.incrementAndGet();
                        }
                        Thread.yield();
                        holders[k].decrementAndGet();
                        q.done(k);
                      }
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                  });
    }
    for (int i = 0; i < 20_000; i++) {
      q.add(i % holders.length);
    }

    q.shutDownWithDrain();
    for (Thread w : workers) {
      w.join();
    }
    assertThat(overlaps).hasValue(0);
  }

  @Test
  void getReturnsNullOnceShutDownAndEmpty() throws Exception {
    queue.add("a");
    queue.shutDown();

    assertThat(queue.get()).isEqualTo("a");
    assertThat(queue.get()).isNull();
  }

  @Test
  void blockedGetReturnsNullOnShutdown() throws Exception {
    BlockingQueue<String> got = new LinkedBlockingQueue<>();
    CountDownLatch asking = new CountDownLatch(1);
    Thread t =
        Thread.ofVirtual()
            .start(
                () -> {
                  asking.countDown();
                  try {
                    got.add(String.valueOf(queue.get()));
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                });
    asking.await();

    queue.shutDown();

    assertThat(got.poll(10, TimeUnit.SECONDS)).isEqualTo("null");
    t.join();
  }

  @Test
  void addsAfterShutdownAreIgnored() {
    queue.shutDown();

    queue.add("a");
    queue.addAfter("b", Duration.ofMillis(1));

    assertThat(queue.len()).isZero();
    assertThat(queue.waitingLen()).isZero();
  }

  @Test
  void delayedKeysBecomeReadyInDeadlineOrder() throws Exception {
    queue.addAfter("a", Duration.ofMillis(30));
    queue.addAfter("b", Duration.ofMillis(10));
    queue.addAfter("c", Duration.ofMillis(20));
    assertThat(queue.len()).isZero();

    ticker.advance(Duration.ofMillis(9));
    assertThat(queue.len()).isZero();
    ticker.advance(Duration.ofMillis(1));
    assertThat(queue.len()).isEqualTo(1);
    assertThat(queue.get()).isEqualTo("b");

    ticker.advance(Duration.ofMillis(20));
    assertThat(queue.get()).isEqualTo("c");
    assertThat(queue.get()).isEqualTo("a");
  }

  @Test
  void delayedKeyKeepsTheEarlierDeadline() {
    queue.addAfter("a", Duration.ofMillis(10));
    queue.addAfter("a", Duration.ofMillis(50));
    queue.addAfter("a", Duration.ofMillis(5));

    ticker.advance(Duration.ofMillis(5));

    assertThat(queue.len()).isEqualTo(1);
    assertThat(queue.waitingLen()).isZero();
  }

  @Test
  void blockedGetWakesWhenTickerReachesTheDeadline() throws Exception {
    queue.addAfter("later", Duration.ofSeconds(30));
    BlockingQueue<String> got = new LinkedBlockingQueue<>();
    Thread t =
        Thread.ofVirtual()
            .start(
                () -> {
                  try {
                    got.add(queue.get());
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                });

    ticker.advance(Duration.ofSeconds(30));

    assertThat(got.poll(10, TimeUnit.SECONDS)).isEqualTo("later");
    t.join();
  }

  @Test
  void rateLimitedAddWaitsForTheBackoff() {
    queue.addRateLimited("a");
    queue.addRateLimited("a");

    assertThat(queue.numRequeues("a")).isEqualTo(2);
    assertThat(queue.retries()).isEqualTo(2);
    ticker.advance(Duration.ofMillis(4));
    assertThat(queue.len()).isZero();
    ticker.advance(Duration.ofMillis(1));
    assertThat(queue.len()).isEqualTo(1);
  }

  @Test
  void forgetResetsTheRequeueCount() {
    queue.addRateLimited("a");

    queue.forget("a");

    assertThat(queue.numRequeues("a")).isZero();
  }

  @Test
  void shutDownWithDrainWaitsForItemsBeingProcessed() throws Exception {
    queue.add("a");
    String key = queue.get();
    CountDownLatch drained = new CountDownLatch(1);
    Thread t =
        Thread.ofVirtual()
            .start(
                () -> {
                  try {
                    queue.shutDownWithDrain();
                    drained.countDown();
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                });

    assertThat(drained.await(100, TimeUnit.MILLISECONDS)).isFalse();
    queue.done(key);
    assertThat(drained.await(10, TimeUnit.SECONDS)).isTrue();
    t.join();
  }

  @Test
  void shutDownWithDrainGivesUpAfterTimeout() throws Exception {
    queue.add("a");
    queue.get();

    assertThat(queue.shutDownWithDrain(Duration.ofMillis(20))).isFalse();
  }
}
