package dev.weft.store;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * What differs between the databases a {@link JdbcStore} runs on: how to connect and how
 * transactions begin and end. The tables and every other statement are the same for all.
 */
sealed interface Dialect permits SqliteDialect, PostgresDialect {

  /** For messages: the file or the URL without credentials. */
  String describe();

  /** A new connection for writing ({@code writer}) or for reading. */
  Connection connect(boolean writer) throws SQLException;

  /**
   * Starts a transaction. A write transaction takes the database's write lock up front (before it
   * reads the revision), so writers from every process are serialised.
   */
  void begin(Connection connection, boolean write) throws SQLException;

  void commit(Connection connection) throws SQLException;

  void rollback(Connection connection) throws SQLException;

  /** Appended to the select of the counter rows in a write transaction, to lock them. */
  String lockRows();

  /** Run first in the schema transaction, to serialise schema creation across processes. */
  String schemaLock();

  static void exec(Connection connection, String sql) throws SQLException {
    try (var statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
