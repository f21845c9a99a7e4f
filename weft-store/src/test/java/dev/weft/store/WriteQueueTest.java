package dev.weft.store;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** Group commit on a SQLite file (synchronous=FULL). */
class WriteQueueTest extends WriteQueueContract {
  @TempDir Path dir;
  private final List<JdbcStore> opened = new ArrayList<>();

  @Override
  protected JdbcStore newStore(int historyLimit) {
    JdbcStore store = Fixtures.sqlite(dir.resolve("store-" + opened.size() + ".db"), historyLimit);
    opened.add(store);
    return store;
  }

  @AfterEach
  void closeStores() {
    opened.forEach(JdbcStore::close);
  }
}
