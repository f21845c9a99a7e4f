package dev.weft.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One lock per store, whichever spelling of it is used; the refusal names the holder. */
class StoreLockTest {
  static final String PG = System.getenv("WEFT_TEST_POSTGRES_URL");

  @TempDir Path dir;

  @Test
  void sqliteFileReachedThroughASymlinkSharesTheLock() throws Exception {
    Path db = dir.resolve("real").resolve("weft.db");
    Files.createDirectories(db.getParent());
    Files.writeString(db, "");
    Path link = Files.createSymbolicLink(dir.resolve("link.db"), db);
    try (StoreLock first = StoreLock.acquire(db.toString(), "server A")) {
      assertThatThrownBy(() -> StoreLock.acquire("sqlite:" + link, "server B"))
          .isInstanceOf(StoreLock.Held.class)
          .hasMessageContaining("server A")
          .hasMessageContaining(db.toRealPath().toString());
    }
  }

  @Test
  void sqliteDirectoryReachedThroughASymlinkOrDotsSharesTheLock() throws Exception {
    Path real = Files.createDirectories(dir.resolve("data"));
    Path linkDir = Files.createSymbolicLink(dir.resolve("alias"), real);
    // the database does not exist yet: its directory is resolved
    try (StoreLock first = StoreLock.acquire(real.resolve("weft.db").toString(), "server A")) {
      for (String other :
          new String[] {
            linkDir.resolve("weft.db").toString(),
            dir + "/./data/../data/weft.db",
            "jdbc:sqlite:" + linkDir + "/./weft.db"
          }) {
        assertThatThrownBy(() -> StoreLock.acquire(other, "server B"))
            .as(other)
            .isInstanceOf(StoreLock.Held.class)
            .hasMessageContaining("server A");
      }
    }
  }

  @Test
  void sqliteLockIsFreeAgainOnceReleased() throws Exception {
    String db = dir.resolve("weft.db").toString();
    StoreLock.acquire(db, "server A").close();
    try (StoreLock again = StoreLock.acquire(db, "server B")) {
      assertThat(Files.readString(StoreLock.lockFile(Path.of(db)))).isEqualTo("server B\n");
    }
  }

  @Test
  void postgresDatabaseIsLockedOnce() throws Exception {
    assumeTrue(PG != null && !PG.isBlank(), "WEFT_TEST_POSTGRES_URL is not set");
    String schema = "weft_lock_" + UUID.randomUUID().toString().replace("-", "");
    try (Connection c = DriverManager.getConnection(PG)) {
      Dialect.exec(c, "CREATE SCHEMA " + schema);
    }
    String url = PG + (PG.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    try {
      try (StoreLock first = StoreLock.acquire(url, "weft server A")) {
        assertThatThrownBy(() -> StoreLock.acquire(url, "weft server B"))
            .isInstanceOf(StoreLock.Held.class)
            .hasMessageContaining("weft server A")
            .hasMessageContaining(schema);
      }
      StoreLock.acquire(url, "weft server B").close(); // released with its connection
    } finally {
      try (Connection c = DriverManager.getConnection(PG)) {
        Dialect.exec(c, "DROP SCHEMA " + schema + " CASCADE");
      }
    }
  }

  @Test
  void aPostgresLockWhoseSessionEndsIsReportedLost() throws Exception {
    assumeTrue(PG != null && !PG.isBlank(), "WEFT_TEST_POSTGRES_URL is not set");
    String holder = "weft server lost-" + UUID.randomUUID().toString().substring(0, 8);
    var lost = new java.util.concurrent.CountDownLatch(1);
    try (StoreLock lock = StoreLock.acquire(PG, holder)) {
      lock.watch(lost::countDown);
      // The database ends the session, as a restart or a cut connection would.
      try (Connection c = DriverManager.getConnection(PG);
          var kill =
              c.prepareStatement(
                  "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                      + " WHERE application_name = ?")) {
        kill.setString(1, StoreLock.applicationName(holder));
        kill.execute();
      }
      assertThat(lost.await(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  void aLockReleasedOnPurposeIsNotReportedLost() throws Exception {
    assumeTrue(PG != null && !PG.isBlank(), "WEFT_TEST_POSTGRES_URL is not set");
    var lost = new java.util.concurrent.CountDownLatch(1);
    StoreLock lock = StoreLock.acquire(PG, "weft server closing");
    lock.watch(lost::countDown);
    lock.close();
    assertThat(
            lost.await(
                2 * StoreLock.WATCH_EVERY.toSeconds(), java.util.concurrent.TimeUnit.SECONDS))
        .isFalse();
  }
}
