package dev.weft.runtime;

import java.time.Duration;
import java.util.Objects;

/** What a reconcile asks of its controller next. */
public sealed interface Result {

  /** Finished; the key's failure count is reset. */
  record Done() implements Result {}

  /** Reconcile again after the rate limiter's delay (counts as a failure for backoff). */
  record Requeue() implements Result {}

  /** Reconcile again after exactly {@code delay}; the failure count is reset. */
  record RequeueAfter(Duration delay) implements Result {
    public RequeueAfter {
      Objects.requireNonNull(delay, "delay");
    }
  }

  static Result done() {
    return new Done();
  }

  static Result requeue() {
    return new Requeue();
  }

  static Result requeueAfter(Duration delay) {
    return new RequeueAfter(delay);
  }
}
