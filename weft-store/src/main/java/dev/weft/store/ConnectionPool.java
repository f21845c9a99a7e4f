package dev.weft.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.concurrent.Semaphore;

/**
 * A few connections of one kind (writer or reader), each used by one transaction at a time. With
 * one writer connection the pool is also the store's in-process write serialisation. A connection
 * that fails with an SQL error is closed and replaced on next use, so a restarted database server
 * is reconnected to.
 */
final class ConnectionPool implements AutoCloseable {
  private final Dialect dialect;
  private final boolean writer;
  private final Semaphore permits;
  private final ArrayDeque<Connection> idle = new ArrayDeque<>();
  private volatile boolean closed;

  ConnectionPool(Dialect dialect, boolean writer, int size) {
    this.dialect = dialect;
    this.writer = writer;
    this.permits = new Semaphore(size, true);
  }

  /**
   * Runs {@code work} in a transaction and commits it; rolls back if it throws. A {@link
   * StoreException} passes through; an {@link SQLException} becomes a {@link StorageFailure}.
   */
  <R> R transact(SqlFunction<R> work) {
    permits.acquireUninterruptibly();
    try {
      if (closed) {
        throw new IllegalStateException("the store is closed: " + dialect.describe());
      }
      Connection c = take();
      boolean healthy = false;
      try {
        dialect.begin(c, writer);
        R result;
        try {
          result = work.apply(c);
        } catch (RuntimeException e) {
          dialect.rollback(c);
          healthy = true;
          throw e;
        }
        dialect.commit(c);
        healthy = true;
        return result;
      } catch (SQLException e) {
        throw new StorageFailure(dialect.describe() + ": " + e.getMessage(), e);
      } finally {
        give(c, healthy);
      }
    } finally {
      permits.release();
    }
  }

  private Connection take() throws StorageFailure {
    synchronized (idle) {
      Connection c = idle.pollFirst();
      if (c != null) {
        return c;
      }
    }
    try {
      return dialect.connect(writer);
    } catch (SQLException e) {
      throw new StorageFailure("cannot open " + dialect.describe() + ": " + e.getMessage(), e);
    }
  }

  private void give(Connection c, boolean healthy) {
    if (healthy && !closed) {
      synchronized (idle) {
        idle.addFirst(c);
      }
      return;
    }
    try {
      dialect.rollback(c);
    } catch (SQLException | RuntimeException ignored) {
      // the connection is going anyway
    }
    closeQuietly(c);
  }

  @Override
  public void close() {
    closed = true;
    synchronized (idle) {
      idle.forEach(ConnectionPool::closeQuietly);
      idle.clear();
    }
  }

  private static void closeQuietly(Connection c) {
    try {
      c.close();
    } catch (SQLException ignored) {
      // nothing more to do with it
    }
  }
}
