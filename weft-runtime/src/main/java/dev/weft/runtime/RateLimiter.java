package dev.weft.runtime;

import java.time.Duration;
import java.util.List;

/** Decides how long an item waits before it is retried, as client-go's workqueue.RateLimiter. */
public interface RateLimiter<K> {

  /** How long to wait before the next retry of {@code item}; counts a failure of it. */
  Duration when(K item);

  /** Stops tracking {@code item}: its failures are forgotten. */
  void forget(K item);

  /** How many times {@code item} failed since it was last forgotten. */
  int numRequeues(K item);

  /**
   * client-go's DefaultControllerRateLimiter: the longer of a per-item exponential backoff (5 ms
   * doubling up to 1000 s) and an overall token bucket (10 per second, bursts of 100).
   */
  static <K> RateLimiter<K> defaultControllerRateLimiter(Ticker ticker) {
    return new MaxOfRateLimiter<>(
        List.of(
            new ExponentialBackoffRateLimiter<K>(Duration.ofMillis(5), Duration.ofSeconds(1000)),
            new TokenBucketRateLimiter<K>(10, 100, ticker)));
  }
}
