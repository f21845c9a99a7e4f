package dev.weft.store;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How a {@link JdbcStore} behaves: how many changes its history keeps for watches, how often
 * watches poll for other processes' writes, where timestamps and random names and uids come from,
 * and when a committed write is on disk ({@link Durability}).
 */
public record JdbcOptions(
    int historyLimit,
    Duration pollInterval,
    Clock clock,
    RandomGenerator random,
    Durability durability) {
  public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(50);

  /**
   * When a committed write of a SQLite store reaches the disk. PostgreSQL follows its server's own
   * settings ({@code synchronous_commit}) whichever is chosen.
   */
  public enum Durability {
    /**
     * Every commit is synced before it returns ({@code synchronous=FULL}): an answered write
     * survives a crash of the process and of the machine. The default.
     */
    FULL,
    /**
     * Commits are synced at WAL checkpoints only ({@code synchronous=NORMAL} in WAL mode): an
     * answered write survives a crash of the process, but the last ones before a power loss may be
     * lost (as with H2's file mode). For comparisons with engines that run so, not for production.
     */
    NORMAL
  }

  public JdbcOptions {
    if (historyLimit < 1) {
      throw new IllegalArgumentException("history limit must be at least 1, was " + historyLimit);
    }
    if (pollInterval.isNegative() || pollInterval.isZero()) {
      throw new IllegalArgumentException("poll interval must be positive, was " + pollInterval);
    }
    Objects.requireNonNull(durability, "durability");
  }

  /** Options with every commit synced ({@link Durability#FULL}). */
  public JdbcOptions(int historyLimit, Duration pollInterval, Clock clock, RandomGenerator random) {
    this(historyLimit, pollInterval, clock, random, Durability.FULL);
  }

  public static JdbcOptions defaults() {
    return new JdbcOptions(
        InMemoryStore.DEFAULT_HISTORY_LIMIT,
        DEFAULT_POLL_INTERVAL,
        Clock.systemUTC(),
        new SecureRandom());
  }

  public JdbcOptions withHistoryLimit(int limit) {
    return new JdbcOptions(limit, pollInterval, clock, random, durability);
  }

  public JdbcOptions withClock(Clock newClock, RandomGenerator newRandom) {
    return new JdbcOptions(historyLimit, pollInterval, newClock, newRandom, durability);
  }

  public JdbcOptions withDurability(Durability newDurability) {
    return new JdbcOptions(historyLimit, pollInterval, clock, random, newDurability);
  }
}
