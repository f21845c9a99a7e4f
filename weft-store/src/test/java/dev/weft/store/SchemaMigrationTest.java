package dev.weft.store;

import static dev.weft.store.StoreStatusPatchContract.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.weft.model.ObjectMeta;
import dev.weft.model.Workflow;
import dev.weft.model.codec.Codec;
import dev.weft.model.status.StatusPatch;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database written by a Weft with schema version 1 opened by this one: a SQLite file, and a
 * PostgreSQL schema when {@code WEFT_TEST_POSTGRES_URL} names a database.
 */
class SchemaMigrationTest {
  @TempDir Path dir;

  @Nested
  class OnSqlite extends Migration {
    @Override
    Connection connect() throws SQLException {
      return DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("v1.db"));
    }

    @Override
    JdbcStore open() {
      return Fixtures.sqlite(dir.resolve("v1.db"), 100);
    }
  }

  @Nested
  class OnPostgres extends Migration {
    private final String schema = "weft_test_" + UUID.randomUUID().toString().replace("-", "");
    private final String url =
        PostgresStoreTest.URL == null
            ? null
            : PostgresStoreTest.URL
                + (PostgresStoreTest.URL.contains("?") ? "&" : "?")
                + "currentSchema="
                + schema;

    @Override
    void needsDatabase() throws SQLException {
      assumeTrue(
          PostgresStoreTest.URL != null && !PostgresStoreTest.URL.isBlank(),
          "WEFT_TEST_POSTGRES_URL is not set");
      try (Connection c = DriverManager.getConnection(PostgresStoreTest.URL)) {
        Dialect.exec(c, "CREATE SCHEMA " + schema);
      }
    }

    @AfterEach
    void dropSchema() throws SQLException {
      if (PostgresStoreTest.URL != null && !PostgresStoreTest.URL.isBlank()) {
        try (Connection c = DriverManager.getConnection(PostgresStoreTest.URL)) {
          Dialect.exec(c, "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
      }
    }

    @Override
    Connection connect() throws SQLException {
      return DriverManager.getConnection(url);
    }

    @Override
    JdbcStore open() {
      return Stores.open(url, Fixtures.jdbcOptions(100));
    }
  }

  abstract static class Migration {
    private Workflow added;
    private Workflow running;

    /** The tables and rows of schema version 1, as that Weft made them. */
    private static final List<String> V1 =
        List.of(
            "CREATE TABLE weft_meta (name VARCHAR(64) PRIMARY KEY, value BIGINT NOT NULL)",
            "CREATE TABLE weft_objects (kind VARCHAR(64) NOT NULL, namespace VARCHAR(253) NOT NULL,"
                + " name VARCHAR(253) NOT NULL, uid VARCHAR(64) NOT NULL UNIQUE,"
                + " resource_version BIGINT NOT NULL, body TEXT NOT NULL,"
                + " PRIMARY KEY (kind, namespace, name))",
            "CREATE TABLE weft_owner_refs (owner_uid VARCHAR(64) NOT NULL, kind VARCHAR(64) NOT NULL,"
                + " namespace VARCHAR(253) NOT NULL, name VARCHAR(253) NOT NULL,"
                + " PRIMARY KEY (owner_uid, kind, namespace, name))",
            "CREATE INDEX weft_owner_refs_by_object ON weft_owner_refs (kind, namespace, name)",
            "CREATE TABLE weft_changes (version BIGINT PRIMARY KEY, type VARCHAR(16) NOT NULL,"
                + " kind VARCHAR(64) NOT NULL, namespace VARCHAR(253) NOT NULL,"
                + " name VARCHAR(253) NOT NULL, body TEXT NOT NULL)",
            "INSERT INTO weft_meta VALUES ('schema_version', 1), ('revision', 2),"
                + " ('compacted_through', 0)");

    /** A connection to the empty database to write the version 1 layout into. */
    abstract Connection connect() throws SQLException;

    /** This Weft's store on that database. */
    abstract JdbcStore open();

    void needsDatabase() throws SQLException {}

    @BeforeEach
    void writeVersionOneDatabase() throws Exception {
      needsDatabase();
      ObjectMeta meta =
          new ObjectMeta(
              "wf",
              null,
              "ns",
              null,
              null,
              "0b0b0b0b-0000-4000-8000-000000000001",
              "1",
              1L,
              "2024-05-01T10:00:00Z",
              null,
              null,
              null);
      added = Fixtures.workflow("ns", "wf").withMetadata(meta);
      running = added.withMetadata(StatusDelta.atVersion(meta, 2)).withStatus(run().get(2));
      try (Connection c = connect()) {
        for (String sql : V1) {
          Dialect.exec(c, sql);
        }
        try (PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO weft_objects VALUES ('Workflow', 'ns', 'wf', ?, 2, ?)")) {
          ps.setString(1, meta.uid());
          ps.setString(2, Codec.toJson(running));
          ps.executeUpdate();
        }
        try (PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO weft_changes VALUES (?, ?, 'Workflow', 'ns', 'wf', ?)")) {
          ps.setLong(1, 1);
          ps.setString(2, "ADDED");
          ps.setString(3, Codec.toJson(added));
          ps.executeUpdate();
          ps.setLong(1, 2);
          ps.setString(2, "MODIFIED");
          ps.setString(3, Codec.toJson(running));
          ps.executeUpdate();
        }
      }
    }

    private static long value(JdbcStore store, String sql) {
      return store.withWriter(
          c -> {
            try (PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
              rs.next();
              return rs.getLong(1);
            }
          });
    }

    @Test
    void openingMigratesToVersionTwoWithEveryWorkflowUnchanged() {
      try (JdbcStore store = open()) {
        assertThat(value(store, "SELECT value FROM weft_meta WHERE name = 'schema_version'"))
            .isEqualTo(Schema.VERSION);
        assertThat(value(store, "SELECT count(*) FROM weft_nodes")).isEqualTo(3);
        assertThat(Codec.toJson(store.get(Workflow.class, "ns", "wf").orElseThrow()))
            .isEqualTo(Codec.toJson(running));
        assertThat(store.list(Workflow.class, "ns", null))
            .extracting(Codec::toJson)
            .containsExactly(Codec.toJson(running));
      }
    }

    @Test
    void aMigratedWorkflowIsPatchedAndWatchedAcrossTheOldHistory() throws Exception {
      BlockingQueue<WatchEvent> events = new LinkedBlockingQueue<>();
      try (JdbcStore store = open()) {
        Workflow current = store.get(Workflow.class, "ns", "wf").orElseThrow();
        Workflow patched =
            store.patchStatus(current, StatusPatch.between(current.status(), run().get(3)), null);

        List<String> seen = new ArrayList<>();
        try (Watch w = store.watch(Workflow.class, "ns", "0", events::add)) {
          for (int i = 0; i < 3; i++) {
            WatchEvent e = events.poll(10, TimeUnit.SECONDS);
            assertThat(e).as("event %d", i + 1).isNotNull();
            seen.add(Codec.toJson(e.object()));
          }
        }
        assertThat(seen)
            .containsExactly(Codec.toJson(added), Codec.toJson(running), Codec.toJson(patched));
      }
    }
  }
}
