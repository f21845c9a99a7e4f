package dev.weft.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.ConfigMap;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several stores, in this JVM and in another process, on one SQLite file. */
class SqliteSharedFileTest {
  @TempDir Path dir;

  @Test
  void secondInstanceWatchSeesTheFirstInstancesWritesInOrder() throws Exception {
    Path file = dir.resolve("shared.db");
    BlockingQueue<WatchEvent> events = new LinkedBlockingQueue<>();
    try (JdbcStore writer = Fixtures.sqlite(file, 100);
        JdbcStore reader = Fixtures.sqlite(file, 100);
        Watch w = reader.watch(ConfigMap.class, "ns", null, events::add)) {
      ConfigMap a = writer.create(Fixtures.configMap("ns", "a", Map.of()));
      writer.update(new ConfigMap(null, null, a.metadata(), Map.of("k", "v"), null, null));
      writer.create(Fixtures.configMap("other", "ignored", Map.of()));
      writer.delete(ConfigMap.class, "ns", "a");

      List<String> seen = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        WatchEvent e = events.poll(10, TimeUnit.SECONDS);
        assertThat(e).as("event %d", i + 1).isNotNull();
        seen.add(e.type() + " " + e.object().metadata().name() + "@" + e.resourceVersion());
      }
      assertThat(seen).containsExactly("ADDED a@1", "MODIFIED a@2", "DELETED a@4");
      assertThat(reader.get(ConfigMap.class, "other", "ignored")).isPresent();
      assertThat(reader.currentResourceVersion()).isEqualTo("4");
    }
  }

  @Test
  void watchSeesTheWritesOfAnotherProcessInOrder() throws Exception {
    Path file = dir.resolve("shared.db");
    BlockingQueue<WatchEvent> events = new LinkedBlockingQueue<>();
    try (JdbcStore store = Stores.open(file.toString());
        Watch w = store.watch(ConfigMap.class, null, null, events::add)) {
      Process child =
          ChildJvm.start(CrashWriter.class, dir.resolve("child.err"), file.toString(), "x", "4");
      List<CommittedLine> reported = new ArrayList<>();
      try (BufferedReader out =
          new BufferedReader(
              new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
        for (Optional<CommittedLine> l = CommittedLine.next(out);
            l.isPresent();
            l = CommittedLine.next(out)) {
          reported.add(l.get());
        }
      }
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(child.exitValue()).as("see child.err").isZero();

      List<CommittedLine> configMapChanges =
          reported.stream().filter(l -> l.name().startsWith("cm-")).toList();
      List<CommittedLine> seen = new ArrayList<>();
      for (int i = 0; i < configMapChanges.size(); i++) {
        WatchEvent e = events.poll(10, TimeUnit.SECONDS);
        assertThat(e).as("event %d", i + 1).isNotNull();
        seen.add(
            new CommittedLine(
                Long.parseLong(e.resourceVersion()), e.type(), e.object().metadata().name()));
      }
      // 4 iterations: 4 creates, 4 updates, 3 deletes by cascade
      assertThat(seen).hasSize(11).containsExactlyElementsOf(configMapChanges);
    }
  }

  @Test
  void twoInstancesIncrementOneCounterWithoutLosingAnUpdate() throws Exception {
    Path file = dir.resolve("shared.db");
    try (JdbcStore first = Fixtures.sqlite(file, 1000);
        JdbcStore second = Fixtures.sqlite(file, 1000)) {
      first.create(Fixtures.configMap("ns", "counter", Map.of("count", "0")));
      List<Thread> workers = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        JdbcStore store = t % 2 == 0 ? first : second;
        workers.add(Thread.ofPlatform().start(() -> incrementTimes(store, 50)));
      }
      for (Thread w : workers) {
        w.join();
      }

      ConfigMap counter = second.get(ConfigMap.class, "ns", "counter").orElseThrow();
      assertThat(counter.data()).containsEntry("count", "200");
      assertThat(counter.metadata().resourceVersion()).isEqualTo("201");
    }
  }

  private static void incrementTimes(Store store, int times) {
    for (int i = 0; i < times; ) {
      ConfigMap current = store.get(ConfigMap.class, "ns", "counter").orElseThrow();
      Map<String, String> data = new HashMap<>(current.data());
      data.put("count", Integer.toString(Integer.parseInt(data.get("count")) + 1));
      try {
        store.update(new ConfigMap(null, null, current.metadata(), data, null, null));
        i++;
      } catch (StoreException.Conflict retry) {
        // someone else incremented in between: read again
      }
    }
  }
}
