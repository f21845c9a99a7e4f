package dev.weft.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.ConfigMap;
import dev.weft.model.Workflow;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a writing child process with SIGKILL at a random moment, several times over one SQLite
 * file, and checks after each kill that the file opens cleanly and holds every change the child
 * reported as committed.
 */
class CrashTest {
  private static final int KILLS = 5;

  @TempDir Path dir;

  @Test
  void everyReportedCommitSurvivesSigkill() throws Exception {
    Path file = dir.resolve("crash.db");
    Random random = new Random(7);
    int verified = 0;
    for (int run = 0; run < KILLS; run++) {
      long before;
      try (JdbcStore store = Stores.open(file.toString())) {
        before = Long.parseLong(store.currentResourceVersion());
      }
      List<CommittedLine> reported = runAndKill(file, "r" + run, 15 + random.nextInt(80), random);

      try (JdbcStore store = Stores.open(file.toString())) {
        assertThat(CrashTest.query(store, "PRAGMA integrity_check")).isEqualTo("ok");
        long current = Long.parseLong(store.currentResourceVersion());
        long lastReported = reported.getLast().version();
        // at most the transaction in flight at the kill (up to two changes) went unreported
        assertThat(current).isBetween(lastReported, lastReported + 2);
        Map<Long, WatchEvent> history = history(store, before, current);
        assertThat(history.keySet()).hasSize((int) (current - before));
        for (CommittedLine line : reported) {
          WatchEvent event = history.get(line.version());
          assertThat(event).as("change %s", line).isNotNull();
          assertThat(event.type()).isEqualTo(line.type());
          assertThat(event.object().metadata().name()).isEqualTo(line.name());
        }
        assertNoOrphans(store);
        // versions go on from where the killed writer left them
        ConfigMap after = store.create(Fixtures.configMap("crash", "after-" + run, Map.of()));
        assertThat(Long.parseLong(after.metadata().resourceVersion())).isEqualTo(current + 1);
      }
      verified += reported.size();
    }
    System.out.printf("crash test: %d kills, %d committed versions verified%n", KILLS, verified);
    assertThat(verified).isGreaterThanOrEqualTo(KILLS * 15);
  }

  /** Starts a writer, kills it after {@code commits} reported commits, returns all it reported. */
  private List<CommittedLine> runAndKill(Path file, String tag, int commits, Random random)
      throws Exception {
    Process child =
        ChildJvm.start(CrashWriter.class, dir.resolve("child.err"), file.toString(), tag, "0");
    List<CommittedLine> reported = new ArrayList<>();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      while (reported.size() < commits) {
        Optional<CommittedLine> line = CommittedLine.next(out);
        assertThat(line).as("the writer ended early; see child.err").isPresent();
        reported.add(line.get());
      }
      Thread.sleep(random.nextInt(10));
      // SIGKILL through the handle: Process.destroyForcibly would also close our end of the pipe
      assertThat(child.toHandle().destroyForcibly()).isTrue();
      for (Optional<CommittedLine> line = CommittedLine.next(out);
          line.isPresent();
          line = CommittedLine.next(out)) {
        reported.add(line.get());
      }
    } finally {
      child.destroyForcibly();
      assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(137);
    return reported;
  }

  /** Every change after {@code from} through {@code through}, by version, as watches see them. */
  static Map<Long, WatchEvent> history(JdbcStore store, long from, long through)
      throws InterruptedException {
    Map<Long, WatchEvent> seen = new ConcurrentHashMap<>();
    String start = Long.toString(from);
    try (Watch w1 = store.watch(Workflow.class, null, start, e -> seen.put(version(e), e));
        Watch w2 = store.watch(ConfigMap.class, null, start, e -> seen.put(version(e), e))) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (seen.size() < through - from && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
    }
    return seen;
  }

  /** The cascade of a delete commits with the delete: no ConfigMap outlives its Workflow. */
  static void assertNoOrphans(Store store) {
    List<String> uids =
        store.list(Workflow.class, "crash", null).stream().map(w -> w.metadata().uid()).toList();
    for (ConfigMap cm : store.list(ConfigMap.class, "crash", null)) {
      if (cm.metadata().ownerReferences() != null) {
        assertThat(uids)
            .as("owner of %s", cm.metadata().name())
            .contains(cm.metadata().ownerReferences().getFirst().path("uid").asText());
      }
    }
  }

  private static long version(WatchEvent e) {
    return Long.parseLong(e.resourceVersion());
  }

  /** The first column of the first row {@code sql} selects, read on the store's writer. */
  static String query(JdbcStore store, String sql) {
    SqlFunction<String> first =
        c -> {
          try (var statement = c.createStatement();
              var rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
          }
        };
    return store.withWriter(first);
  }
}
