package dev.weft.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * The tables of a {@link JdbcStore}, created on open when missing, and the counter rows of {@code
 * weft_meta}. The same statements run on SQLite and PostgreSQL.
 */
final class Schema {
  /**
   * The layout these statements make; a database with a newer one is refused, an older one is
   * migrated ({@link SchemaMigration}). 2: workflows split into body, status header and node rows.
   */
  static final long VERSION = 2;

  static final String SCHEMA_VERSION = "schema_version";
  static final String REVISION = "revision";
  static final String COMPACTED_THROUGH = "compacted_through";

  private static final List<String> TABLES =
      List.of(
          """
          CREATE TABLE IF NOT EXISTS weft_meta (
            name VARCHAR(64) PRIMARY KEY,
            value BIGINT NOT NULL)""",
          """
          CREATE TABLE IF NOT EXISTS weft_objects (
            kind VARCHAR(64) NOT NULL,
            namespace VARCHAR(253) NOT NULL,
            name VARCHAR(253) NOT NULL,
            uid VARCHAR(64) NOT NULL UNIQUE,
            resource_version BIGINT NOT NULL,
            body TEXT NOT NULL,
            status TEXT,
            PRIMARY KEY (kind, namespace, name))""",
          """
          CREATE TABLE IF NOT EXISTS weft_owner_refs (
            owner_uid VARCHAR(64) NOT NULL,
            kind VARCHAR(64) NOT NULL,
            namespace VARCHAR(253) NOT NULL,
            name VARCHAR(253) NOT NULL,
            PRIMARY KEY (owner_uid, kind, namespace, name))""",
          """
          CREATE INDEX IF NOT EXISTS weft_owner_refs_by_object
            ON weft_owner_refs (kind, namespace, name)""",
          """
          CREATE TABLE IF NOT EXISTS weft_changes (
            version BIGINT PRIMARY KEY,
            type VARCHAR(16) NOT NULL,
            kind VARCHAR(64) NOT NULL,
            namespace VARCHAR(253) NOT NULL,
            name VARCHAR(253) NOT NULL,
            form VARCHAR(8) NOT NULL DEFAULT 'full',
            body TEXT NOT NULL)""",
          """
          CREATE TABLE IF NOT EXISTS weft_nodes (
            owner_uid VARCHAR(64) NOT NULL,
            node_id TEXT NOT NULL,
            seq BIGINT NOT NULL,
            body TEXT NOT NULL,
            PRIMARY KEY (owner_uid, node_id))""",
          """
          CREATE INDEX IF NOT EXISTS weft_nodes_in_order ON weft_nodes (owner_uid, seq)""");

  private Schema() {}

  /** Creates what is missing and checks the schema version; run in a write transaction. */
  static void ensure(Connection c, Dialect dialect) throws SQLException {
    Dialect.exec(c, dialect.schemaLock());
    for (String ddl : TABLES) {
      Dialect.exec(c, ddl);
    }
    for (String row : List.of(SCHEMA_VERSION, REVISION, COMPACTED_THROUGH)) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO weft_meta (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING")) {
        ps.setString(1, row);
        ps.setLong(2, row.equals(SCHEMA_VERSION) ? VERSION : 0);
        ps.executeUpdate();
      }
    }
    long found = meta(c, SCHEMA_VERSION, "");
    if (found < VERSION) {
      SchemaMigration.toCurrent(c, found);
      setMeta(c, SCHEMA_VERSION, VERSION);
    }
    if (found > VERSION) {
      throw new StorageFailure(
          dialect.describe()
              + " has schema version "
              + found
              + "; this Weft understands up to "
              + VERSION);
    }
  }

  /** A counter row's value; {@code lock} is appended to the select (to lock the row). */
  static long meta(Connection c, String name, String lock) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT value FROM weft_meta WHERE name = ?" + lock)) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new SQLException("weft_meta has no row " + name);
        }
        return rs.getLong(1);
      }
    }
  }

  static void setMeta(Connection c, String name, long value) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("UPDATE weft_meta SET value = ? WHERE name = ?")) {
      ps.setLong(1, value);
      ps.setString(2, name);
      ps.executeUpdate();
    }
  }
}
