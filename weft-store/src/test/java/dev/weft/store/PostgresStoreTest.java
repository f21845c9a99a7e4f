package dev.weft.store;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;

/**
 * {@link JdbcStore} on PostgreSQL held to the store contract, when {@code WEFT_TEST_POSTGRES_URL}
 * names a database ({@code jdbc:postgresql://host/db?user=..&password=..}); each store gets a
 * schema of its own, dropped afterwards. {@code .ci/postgres.sh} sets up such a database.
 */
class PostgresStoreTest {
  static final String URL = System.getenv("WEFT_TEST_POSTGRES_URL");

  private final List<JdbcStore> opened = new ArrayList<>();
  private final List<String> schemas = new ArrayList<>();

  @BeforeEach
  void needsPostgres() {
    assumeTrue(URL != null && !URL.isBlank(), "WEFT_TEST_POSTGRES_URL is not set");
  }

  private JdbcStore open(int historyLimit) {
    String schema = "weft_test_" + UUID.randomUUID().toString().replace("-", "");
    sql("CREATE SCHEMA " + schema);
    schemas.add(schema);
    String url = URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    JdbcStore store = Stores.open(url, Fixtures.jdbcOptions(historyLimit));
    opened.add(store);
    return store;
  }

  @AfterEach
  void dropSchemas() {
    opened.forEach(JdbcStore::close);
    schemas.forEach(s -> sql("DROP SCHEMA " + s + " CASCADE"));
  }

  private static void sql(String statement) {
    try (Connection c = DriverManager.getConnection(URL)) {
      Dialect.exec(c, statement);
    } catch (SQLException e) {
      throw new IllegalStateException(statement + ": " + e.getMessage(), e);
    }
  }

  @Nested
  class Crud extends StoreCrudContract {
    @Override
    protected Store newStore(int historyLimit) {
      return open(historyLimit);
    }
  }

  @Nested
  class Watches extends StoreWatchContract {
    @Override
    protected Store newStore(int historyLimit) {
      return open(historyLimit);
    }
  }

  @Nested
  class Concurrency extends StoreConcurrencyContract {
    @Override
    protected Store newStore(int historyLimit) {
      return open(historyLimit);
    }
  }

  @Nested
  class FinalizersAndCascade extends FinalizerAndCascadeContract {
    @Override
    protected Store newStore(int historyLimit) {
      return open(historyLimit);
    }
  }

  @Nested
  class GroupCommit extends WriteQueueContract {
    @Override
    protected JdbcStore newStore(int historyLimit) {
      return open(historyLimit);
    }
  }

  @Nested
  class StatusPatches extends StoreStatusPatchContract {
    @Override
    protected Store newStore(int historyLimit) {
      return open(historyLimit);
    }
  }
}
