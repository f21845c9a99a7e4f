package dev.weft.store;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;

/** {@link JdbcStore} on a SQLite file held to the store contract. */
class SqliteStoreTest {
  @TempDir Path dir;
  private final List<JdbcStore> opened = new ArrayList<>();

  private Store open(int historyLimit) {
    JdbcStore store = Fixtures.sqlite(dir.resolve("store-" + opened.size() + ".db"), historyLimit);
    opened.add(store);
    return store;
  }

  @AfterEach
  void closeStores() {
    opened.forEach(JdbcStore::close);
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
  class StatusPatches extends StoreStatusPatchContract {
    @Override
    protected Store newStore(int historyLimit) {
      return open(historyLimit);
    }
  }
}
