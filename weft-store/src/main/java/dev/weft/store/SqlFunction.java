package dev.weft.store;

import java.sql.Connection;
import java.sql.SQLException;

/** Work done with a connection inside a transaction. */
@FunctionalInterface
interface SqlFunction<R> {
  R apply(Connection connection) throws SQLException;
}
