package dev.weft.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * SQLite in one file: WAL journal (readers never block the writer) with synchronous=FULL (a
 * committed transaction is on disk before commit returns; NORMAL when asked for: a commit survives
 * the process's crash, not a power cut), a busy timeout for writers of other processes, and
 * explicit {@code BEGIN IMMEDIATE} so a write transaction holds the write lock from its first read.
 */
record SqliteDialect(Path file, int busyTimeoutMillis, Durability durability) implements Dialect {
  static final int DEFAULT_BUSY_TIMEOUT_MILLIS = 10_000;

  SqliteDialect(Path file) {
    this(file, Durability.FULL);
  }

  SqliteDialect(Path file, Durability durability) {
    this(file, DEFAULT_BUSY_TIMEOUT_MILLIS, durability);
  }

  @Override
  public String describe() {
    return "SQLite " + file;
  }

  @Override
  public Connection connect(boolean writer) throws SQLException {
    Properties props = new Properties();
    props.setProperty("journal_mode", "WAL");
    props.setProperty("synchronous", durability.name());
    props.setProperty("busy_timeout", Integer.toString(busyTimeoutMillis));
    props.setProperty("foreign_keys", "false");
    Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), props);
    // journal_mode is a property of the file; the others of the connection: check they took.
    Dialect.exec(c, "PRAGMA journal_mode=WAL");
    Dialect.exec(c, "PRAGMA synchronous=" + durability.name());
    Dialect.exec(c, "PRAGMA busy_timeout=" + busyTimeoutMillis);
    c.setAutoCommit(true);
    return c;
  }

  @Override
  public void begin(Connection connection, boolean write) throws SQLException {
    Dialect.exec(connection, write ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED");
  }

  @Override
  public void commit(Connection connection) throws SQLException {
    Dialect.exec(connection, "COMMIT");
  }

  @Override
  public void rollback(Connection connection) throws SQLException {
    try {
      Dialect.exec(connection, "ROLLBACK");
    } catch (SQLException noTransaction) {
      // BEGIN itself failed, or SQLite rolled back already (e.g. on SQLITE_FULL)
    }
  }

  @Override
  public String lockRows() {
    return "";
  }

  @Override
  public String schemaLock() {
    return "SELECT 1";
  }
}
