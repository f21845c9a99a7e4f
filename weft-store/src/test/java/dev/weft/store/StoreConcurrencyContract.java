package dev.weft.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.ConfigMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The contract of every {@link Store}: optimistic concurrency loses no update. Run by each
 * implementation's test class.
 */
abstract class StoreConcurrencyContract extends StoreContract {

  @Test
  void concurrentReadModifyWriteWithRetryLosesNoIncrement() throws Exception {
    Store store = newStore();
    store.create(Fixtures.configMap("ns", "counter", Map.of("count", "0")));
    int threads = 8;
    int increments = 100;
    CountDownLatch start = new CountDownLatch(1);
    AtomicInteger conflicts = new AtomicInteger();
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      workers.add(
          Thread.ofPlatform()
              .start(
                  () -> {
                    awaitQuietly(start);
                    for (int i = 0; i < increments; i++) {
                      incrementWithRetry(store, conflicts);
                    }
                  }));
    }

    start.countDown();
    for (Thread w : workers) {
      w.join();
    }

    ConfigMap counter = store.get(ConfigMap.class, "ns", "counter").orElseThrow();
    assertThat(counter.data()).containsEntry("count", Integer.toString(threads * increments));
    assertThat(counter.metadata().resourceVersion())
        .isEqualTo(Integer.toString(1 + threads * increments));
  }

  private static void incrementWithRetry(Store store, AtomicInteger conflicts) {
    while (true) {
      ConfigMap current = store.get(ConfigMap.class, "ns", "counter").orElseThrow();
      Map<String, String> data = new HashMap<>(current.data());
      data.put("count", Integer.toString(Integer.parseInt(data.get("count")) + 1));
      try {
        store.update(new ConfigMap(null, null, current.metadata(), data, null, null));
        return;
      } catch (StoreException.Conflict e) {
        conflicts.incrementAndGet();
      }
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
