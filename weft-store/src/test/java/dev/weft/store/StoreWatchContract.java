package dev.weft.store;

import static dev.weft.store.Fixtures.configMap;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.model.ConfigMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of every {@link Store}: watches, replay from a version, and "too old" past a history
 * of five changes. Run by each implementation's test class.
 */
abstract class StoreWatchContract extends StoreContract {
  private Store store;

  @BeforeEach
  void openStore() {
    store = newStore(5);
  }

  private final BlockingQueue<WatchEvent> events = new LinkedBlockingQueue<>();

  @Test
  void watchFromVersionSeesLaterEventsInOrder() throws Exception {
    ConfigMap a = store.create(configMap("ns", "a", Map.of()));
    String from = store.currentResourceVersion();
    ConfigMap b = store.create(configMap("ns", "b", Map.of()));
    store.update(b);
    store.delete(ConfigMap.class, "ns", "a");

    try (Watch w = store.watch(ConfigMap.class, null, from, events::add)) {
      assertThat(take(3))
          .extracting(
              e -> e.type() + " " + e.object().metadata().name() + "@" + e.resourceVersion())
          .containsExactly("ADDED b@2", "MODIFIED b@3", "DELETED a@4");
    }
    assertThat(a.metadata().resourceVersion()).isEqualTo("1");
  }

  @Test
  void watchWithoutVersionSeesOnlyFutureEvents() throws Exception {
    store.create(configMap("ns", "old", Map.of()));

    try (Watch w = store.watch(ConfigMap.class, null, null, events::add)) {
      store.create(configMap("ns", "new", Map.of()));

      assertThat(take(1).getFirst().object().metadata().name()).isEqualTo("new");
    }
  }

  @Test
  void watchSeesOnlyItsKindAndNamespace() throws Exception {
    try (Watch w = store.watch(ConfigMap.class, "mine", "0", events::add)) {
      store.create(configMap("other", "x", Map.of()));
      store.create(Fixtures.workflow("mine", "wf"));
      store.create(configMap("mine", "y", Map.of()));

      assertThat(take(1).getFirst().object().metadata().name()).isEqualTo("y");
      assertThat(events.poll(50, TimeUnit.MILLISECONDS)).isNull();
    }
  }

  @Test
  void watchFromCompactedVersionIsTooOld() {
    for (int i = 0; i < 8; i++) {
      store.create(configMap("ns", "c" + i, Map.of()));
    }

    assertThatThrownBy(() -> store.watch(ConfigMap.class, null, "1", events::add))
        .isInstanceOf(StoreException.TooOld.class)
        .hasMessageStartingWith("too old resource version: 1");
  }

  @Test
  void watchFromOldestRetainedVersionIsAccepted() throws Exception {
    for (int i = 0; i < 8; i++) {
      store.create(configMap("ns", "c" + i, Map.of()));
    }

    try (Watch w = store.watch(ConfigMap.class, null, "3", events::add)) {
      assertThat(take(5))
          .extracting(WatchEvent::resourceVersion)
          .containsExactly("4", "5", "6", "7", "8");
    }
  }

  @Test
  void closedWatchReceivesNothingMore() throws Exception {
    Watch w = store.watch(ConfigMap.class, null, null, events::add);
    store.create(configMap("ns", "before", Map.of()));
    take(1);

    w.close();
    store.create(configMap("ns", "after", Map.of()));

    assertThat(events.poll(50, TimeUnit.MILLISECONDS)).isNull();
  }

  @Test
  void handlerMayWriteToTheStore() throws Exception {
    try (Watch w =
        store.watch(
            ConfigMap.class,
            null,
            null,
            e -> {
              events.add(e);
              if (e.type() == WatchEvent.Type.ADDED) {
                store.delete(ConfigMap.class, "ns", e.object().metadata().name());
              }
            })) {
      store.create(configMap("ns", "short-lived", Map.of()));

      assertThat(take(2))
          .extracting(WatchEvent::type)
          .containsExactly(WatchEvent.Type.ADDED, WatchEvent.Type.DELETED);
    }
  }

  private List<WatchEvent> take(int n) throws InterruptedException {
    List<WatchEvent> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      WatchEvent e = events.poll(10, TimeUnit.SECONDS);
      assertThat(e).as("event %d of %d", i + 1, n).isNotNull();
      out.add(e);
    }
    return out;
  }
}
