package dev.weft.runtime;

import java.time.Duration;

/**
 * An overall limit shared by all items: a bucket of {@code burst} tokens refilled at {@code qps}
 * per second. Each {@link #when} reserves a token, waiting for one if the bucket is empty, as
 * client-go's BucketRateLimiter over golang.org/x/time/rate.
 */
public final class TokenBucketRateLimiter<K> implements RateLimiter<K> {
  private static final double NANOS_PER_SECOND = 1e9;

  private final double qps;
  private final int burst;
  private final Ticker ticker;
  private double tokens;
  private long last;

  public TokenBucketRateLimiter(double qps, int burst, Ticker ticker) {
    if (qps <= 0 || burst < 1) {
      throw new IllegalArgumentException("need qps > 0 and burst >= 1, got " + qps + ", " + burst);
    }
    this.qps = qps;
    this.burst = burst;
    this.ticker = ticker;
    this.tokens = burst;
    this.last = ticker.nanoTime();
  }

  @Override
  public synchronized Duration when(K item) {
    long now = ticker.nanoTime();
    tokens = Math.min(burst, tokens + (now - last) * qps / NANOS_PER_SECOND);
    last = now;
    tokens -= 1;
    if (tokens >= 0) {
      return Duration.ZERO;
    }
    return Duration.ofNanos((long) Math.ceil(-tokens / qps * NANOS_PER_SECOND));
  }

  @Override
  public void forget(K item) {}

  @Override
  public int numRequeues(K item) {
    return 0;
  }
}
