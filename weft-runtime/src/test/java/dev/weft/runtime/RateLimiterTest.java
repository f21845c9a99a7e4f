package dev.weft.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
  private final ManualTicker ticker = new ManualTicker();

  @Test
  void backoffDoublesWithEachFailure() {
    var limiter =
        new ExponentialBackoffRateLimiter<String>(Duration.ofMillis(5), Duration.ofSeconds(1000));
    List<Duration> delays = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      delays.add(limiter.when("a"));
    }

    assertThat(delays)
        .containsExactly(
            Duration.ofMillis(5),
            Duration.ofMillis(10),
            Duration.ofMillis(20),
            Duration.ofMillis(40),
            Duration.ofMillis(80));
    assertThat(limiter.numRequeues("a")).isEqualTo(5);
  }

  @Test
  void backoffIsCappedAt1000Seconds() {
    var limiter =
        new ExponentialBackoffRateLimiter<String>(Duration.ofMillis(5), Duration.ofSeconds(1000));
    Duration last = Duration.ZERO;
    for (int i = 0; i < 200; i++) {
      last = limiter.when("a");
      assertThat(last).isLessThanOrEqualTo(Duration.ofSeconds(1000));
    }

    assertThat(last).isEqualTo(Duration.ofSeconds(1000));
  }

  @Test
  void backoffJustBelowTheCapIsNotRoundedUp() {
    var limiter =
        new ExponentialBackoffRateLimiter<String>(Duration.ofMillis(5), Duration.ofSeconds(1000));
    for (int i = 0; i < 17; i++) {
      limiter.when("a");
    }

    assertThat(limiter.when("a")).isEqualTo(Duration.ofMillis(5L << 17));
    assertThat(limiter.when("a")).isEqualTo(Duration.ofSeconds(1000));
  }

  @Test
  void itemsBackOffIndependentlyAndForgetResets() {
    var limiter =
        new ExponentialBackoffRateLimiter<String>(Duration.ofMillis(5), Duration.ofSeconds(1000));
    limiter.when("a");
    limiter.when("a");

    assertThat(limiter.when("b")).isEqualTo(Duration.ofMillis(5));
    limiter.forget("a");
    assertThat(limiter.numRequeues("a")).isZero();
    assertThat(limiter.when("a")).isEqualTo(Duration.ofMillis(5));
  }

  @Test
  void tokenBucketAllowsTheBurstThenSpacesAtTheRate() {
    var bucket = new TokenBucketRateLimiter<String>(10, 100, ticker);
    for (int i = 0; i < 100; i++) {
      assertThat(bucket.when("k" + i)).isZero();
    }

    assertThat(bucket.when("x")).isEqualTo(Duration.ofMillis(100));
    assertThat(bucket.when("y")).isEqualTo(Duration.ofMillis(200));
  }

  @Test
  void tokenBucketRefillsWithTimeUpToTheBurst() {
    var bucket = new TokenBucketRateLimiter<String>(10, 100, ticker);
    for (int i = 0; i < 100; i++) {
      bucket.when("k");
    }

    ticker.advance(Duration.ofMillis(500));
    for (int i = 0; i < 5; i++) {
      assertThat(bucket.when("k")).isZero();
    }
    assertThat(bucket.when("k")).isEqualTo(Duration.ofMillis(100));

    ticker.advance(Duration.ofHours(1));
    for (int i = 0; i < 99; i++) {
      assertThat(bucket.when("k")).isZero();
    }
  }

  @Test
  void defaultLimiterTakesTheLongerOfBackoffAndBucket() {
    RateLimiter<String> limiter = RateLimiter.defaultControllerRateLimiter(ticker);
    assertThat(limiter.when("a")).isEqualTo(Duration.ofMillis(5));
    for (int i = 0; i < 99; i++) {
      limiter.when("other" + i);
    }

    assertThat(limiter.when("b")).isEqualTo(Duration.ofMillis(100));
    assertThat(limiter.numRequeues("b")).isEqualTo(1);
  }
}
