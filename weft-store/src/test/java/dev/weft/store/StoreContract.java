package dev.weft.store;

/**
 * The base of the behavioural suites that every {@link Store} implementation runs: how to get a
 * fresh, empty store whose clock is {@link Fixtures#NOW} and whose randomness is seeded.
 */
abstract class StoreContract {

  /** A new, empty store keeping the last {@code historyLimit} changes for watches. */
  protected abstract Store newStore(int historyLimit);

  protected Store newStore() {
    return newStore(InMemoryStore.DEFAULT_HISTORY_LIMIT);
  }
}
