package dev.weft.runtime;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** Per item: base * 2^failures, capped; client-go's ItemExponentialFailureRateLimiter. */
public final class ExponentialBackoffRateLimiter<K> implements RateLimiter<K> {
  private final Duration base;
  private final Duration cap;
  private final Map<K, Integer> failures = new HashMap<>();

  public ExponentialBackoffRateLimiter(Duration base, Duration cap) {
    if (base.isNegative() || base.isZero() || cap.compareTo(base) < 0) {
      throw new IllegalArgumentException("need 0 < base <= cap, got " + base + " and " + cap);
    }
    this.base = base;
    this.cap = cap;
  }

  @Override
  public synchronized Duration when(K item) {
    int exp = failures.getOrDefault(item, 0);
    failures.put(item, exp + 1);
    double nanos = base.toNanos() * Math.pow(2, exp);
    if (nanos >= cap.toNanos()) {
      return cap;
    }
    return Duration.ofNanos((long) nanos);
  }

  @Override
  public synchronized void forget(K item) {
    failures.remove(item);
  }

  @Override
  public synchronized int numRequeues(K item) {
    return failures.getOrDefault(item, 0);
  }
}
