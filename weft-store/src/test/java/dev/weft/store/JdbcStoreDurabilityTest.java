package dev.weft.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.model.ConfigMap;
import dev.weft.model.Workflow;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a SQLite-backed store keeps across close and reopen, and how it opens its file. */
class JdbcStoreDurabilityTest {
  @TempDir Path dir;

  /** A store with fresh randomness each time: a reopened store must not repeat uids. */
  private static JdbcStore open(Path file, int historyLimit) {
    return Stores.open(file.toString(), JdbcOptions.defaults().withHistoryLimit(historyLimit));
  }

  @Test
  void reopenedStoreHasEverythingAndVersionsGoOn() throws Exception {
    Path file = dir.resolve("weft.db");
    ConfigMap kept;
    Workflow wf;
    try (JdbcStore store = open(file, 100)) {
      kept = store.create(Fixtures.configMap("ns", "kept", Map.of("a", "1")));
      kept = store.update(new ConfigMap(null, null, kept.metadata(), Map.of("a", "2"), null, null));
      store.create(Fixtures.configMap("ns", "gone", Map.of()));
      store.delete(ConfigMap.class, "ns", "gone");
      wf = store.create(Fixtures.withFinalizers(Fixtures.workflow("ns", "wf"), "f"));
      store.delete(Workflow.class, "ns", "wf");
    }

    try (JdbcStore store = open(file, 100)) {
      assertThat(store.currentResourceVersion()).isEqualTo("6");
      assertThat(store.get(ConfigMap.class, "ns", "kept")).contains(kept);
      assertThat(store.get(ConfigMap.class, "ns", "gone")).isEmpty();
      Workflow marked = store.get(Workflow.class, "ns", "wf").orElseThrow();
      assertThat(marked.metadata().deletionTimestamp()).isNotNull();
      assertThat(marked.metadata().uid()).isEqualTo(wf.metadata().uid());
      assertThat(store.listWithVersion(ConfigMap.class, null, null).resourceVersion())
          .isEqualTo("6");

      ConfigMap next = store.create(Fixtures.configMap("ns", "next", Map.of()));
      assertThat(next.metadata().resourceVersion()).isEqualTo("7");

      BlockingQueue<WatchEvent> events = new LinkedBlockingQueue<>();
      try (Watch w = store.watch(ConfigMap.class, null, "0", events::add)) {
        List<String> replayed = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
          WatchEvent e = events.poll(10, TimeUnit.SECONDS);
          assertThat(e).isNotNull();
          replayed.add(e.type() + " " + e.object().metadata().name() + "@" + e.resourceVersion());
        }
        assertThat(replayed)
            .containsExactly(
                "ADDED kept@1",
                "MODIFIED kept@2",
                "ADDED gone@3",
                "DELETED gone@4",
                "ADDED next@7");
      }
    }
  }

  @Test
  void compactedHistoryStaysCompactedAfterReopen() {
    Path file = dir.resolve("weft.db");
    try (JdbcStore store = open(file, 3)) {
      for (int i = 0; i < 6; i++) {
        store.create(Fixtures.configMap("ns", "c" + i, Map.of()));
      }
    }
    try (JdbcStore store = open(file, 3)) {
      assertThatThrownBy(() -> store.watch(ConfigMap.class, null, "2", e -> {}))
          .isInstanceOf(StoreException.TooOld.class)
          .hasMessage("too old resource version: 2 (events after 3 are available)");
      store.watch(ConfigMap.class, null, "3", e -> {}).close();
      assertThat(CrashTest.query(store, "SELECT COUNT(*) FROM weft_changes")).isEqualTo("3");
    }
  }

  @Test
  void sqliteRunsInWalModeWithFullSync() {
    try (JdbcStore store = Stores.open(dir.resolve("weft.db").toString())) {
      assertThat(CrashTest.query(store, "PRAGMA journal_mode")).isEqualTo("wal");
      assertThat(CrashTest.query(store, "PRAGMA synchronous")).isEqualTo("2");
      assertThat(CrashTest.query(store, "PRAGMA busy_timeout")).isEqualTo("10000");
      assertThat(store.describe()).startsWith("SQLite ").endsWith("weft.db");
    }
  }

  @Test
  void schemaIsCreatedOnceWithAVersionRow() {
    Path file = dir.resolve("nested/dir/weft.db");
    Stores.open("sqlite:" + file).close();
    try (JdbcStore store = Stores.open(file.toString())) {
      assertThat(
              CrashTest.query(store, "SELECT value FROM weft_meta WHERE name = 'schema_version'"))
          .isEqualTo("1");
      assertThat(CrashTest.query(store, "SELECT COUNT(*) FROM weft_meta")).isEqualTo("3");
    }
  }

  @Test
  void aNewerSchemaIsRefused() {
    Path file = dir.resolve("weft.db");
    try (JdbcStore store = Stores.open(file.toString())) {
      store.withWriter(
          c -> {
            Schema.setMeta(c, Schema.SCHEMA_VERSION, 99);
            return null;
          });
    }
    assertThatThrownBy(() -> Stores.open(file.toString()))
        .isInstanceOf(StorageFailure.class)
        .hasMessageContaining("schema version 99");
  }

  @Test
  void storesOpenChoosesTheDatabaseByLocation() {
    assertThat(Stores.dialect(dir.resolve("a.db").toString())).isInstanceOf(SqliteDialect.class);
    assertThat(Stores.dialect("sqlite:" + dir.resolve("b.db")))
        .isEqualTo(new SqliteDialect(dir.resolve("b.db").toAbsolutePath()));
    assertThat(Stores.dialect("jdbc:postgresql://db:5432/weft?user=u&password=secret"))
        .isInstanceOfSatisfying(
            PostgresDialect.class,
            d -> assertThat(d.describe()).isEqualTo("PostgreSQL jdbc:postgresql://db:5432/weft"));
    assertThatThrownBy(() -> Stores.dialect("jdbc:mysql://db/weft"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aSqliteStoreFsyncsEveryCommitUnlessAskedForNormalDurability() throws Exception {
    assertThat(synchronousPragma(Stores.dialect(dir.resolve("full.db").toString())))
        .isEqualTo(2); // FULL
    assertThat(
            synchronousPragma(
                Stores.dialect(dir.resolve("normal.db").toString(), Durability.NORMAL)))
        .isEqualTo(1); // NORMAL
  }

  @Test
  void optionsWithoutADurabilityAreRefused() {
    assertThatThrownBy(() -> JdbcOptions.defaults().withDurability(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("durability");
  }

  private static int synchronousPragma(Dialect dialect) throws Exception {
    try (Connection c = dialect.connect(true);
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("PRAGMA synchronous")) {
      r.next();
      return r.getInt(1);
    }
  }
}
