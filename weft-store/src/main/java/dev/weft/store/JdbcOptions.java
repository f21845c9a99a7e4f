package dev.weft.store;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * How a {@link JdbcStore} behaves: how many changes its history keeps for watches, how often
 * watches poll for other processes' writes, where timestamps and random names and uids come from,
 * and how durable a commit is.
 */
public record JdbcOptions(
    int historyLimit,
    Duration pollInterval,
    Clock clock,
    RandomGenerator random,
    Durability durability) {
  public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(50);

  public JdbcOptions {
    if (historyLimit < 1) {
      throw new IllegalArgumentException("history limit must be at least 1, was " + historyLimit);
    }
    if (pollInterval.isNegative() || pollInterval.isZero()) {
      throw new IllegalArgumentException("poll interval must be positive, was " + pollInterval);
    }
    if (durability == null) throw new IllegalArgumentException("durability is required");
  }

  /** Options with every commit on disk before it returns ({@link Durability#FULL}). */
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
