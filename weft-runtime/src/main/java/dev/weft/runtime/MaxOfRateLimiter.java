package dev.weft.runtime;

import java.time.Duration;
import java.util.List;

/** The longest wait of several limiters, each of which counts every failure. */
public final class MaxOfRateLimiter<K> implements RateLimiter<K> {
  private final List<RateLimiter<K>> limiters;

  public MaxOfRateLimiter(List<RateLimiter<K>> limiters) {
    if (limiters.isEmpty()) {
      throw new IllegalArgumentException("need at least one rate limiter");
    }
    this.limiters = List.copyOf(limiters);
  }

  @Override
  public Duration when(K item) {
    Duration longest = Duration.ZERO;
    for (RateLimiter<K> limiter : limiters) {
      Duration d = limiter.when(item);
      if (d.compareTo(longest) > 0) {
        longest = d;
      }
    }
    return longest;
  }

  @Override
  public void forget(K item) {
    limiters.forEach(l -> l.forget(item));
  }

  @Override
  public int numRequeues(K item) {
    int most = 0;
    for (RateLimiter<K> limiter : limiters) {
      most = Math.max(most, limiter.numRequeues(item));
    }
    return most;
  }
}
