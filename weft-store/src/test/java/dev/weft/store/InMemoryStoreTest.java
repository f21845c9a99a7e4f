package dev.weft.store;

import org.junit.jupiter.api.Nested;

/** {@link InMemoryStore} held to the store contract. */
class InMemoryStoreTest {

  @Nested
  class Crud extends StoreCrudContract {
    @Override
    protected Store newStore(int historyLimit) {
      return Fixtures.store(historyLimit);
    }
  }

  @Nested
  class Watches extends StoreWatchContract {
    @Override
    protected Store newStore(int historyLimit) {
      return Fixtures.store(historyLimit);
    }
  }

  @Nested
  class Concurrency extends StoreConcurrencyContract {
    @Override
    protected Store newStore(int historyLimit) {
      return Fixtures.store(historyLimit);
    }
  }

  @Nested
  class FinalizersAndCascade extends FinalizerAndCascadeContract {
    @Override
    protected Store newStore(int historyLimit) {
      return Fixtures.store(historyLimit);
    }
  }

  @Nested
  class StatusPatches extends StoreStatusPatchContract {
    @Override
    protected Store newStore(int historyLimit) {
      return Fixtures.store(historyLimit);
    }
  }
}
