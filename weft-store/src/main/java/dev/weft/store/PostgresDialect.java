package dev.weft.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * PostgreSQL at a {@code jdbc:postgresql:} URL (credentials and {@code currentSchema} as URL
 * parameters). Writers run READ COMMITTED and lock the counter rows with {@code FOR UPDATE} before
 * anything else, which serialises writers of every process and makes commit order equal version
 * order; readers run REPEATABLE READ so a list and its version come from one snapshot.
 */
record PostgresDialect(String url) implements Dialect {

  @Override
  public String describe() {
    int query = url.indexOf('?');
    return "PostgreSQL " + (query < 0 ? url : url.substring(0, query));
  }

  @Override
  public Connection connect(boolean writer) throws SQLException {
    Connection c = DriverManager.getConnection(url);
    c.setAutoCommit(false);
    c.setTransactionIsolation(
        writer ? Connection.TRANSACTION_READ_COMMITTED : Connection.TRANSACTION_REPEATABLE_READ);
    return c;
  }

  @Override
  public void begin(Connection connection, boolean write) {
    // the driver begins a transaction with the first statement after a commit
  }

  @Override
  public void commit(Connection connection) throws SQLException {
    connection.commit();
  }

  @Override
  public void rollback(Connection connection) throws SQLException {
    connection.rollback();
  }

  @Override
  public String lockRows() {
    return " FOR UPDATE";
  }

  @Override
  public String schemaLock() {
    return "SELECT pg_advisory_xact_lock(7710201)";
  }
}
