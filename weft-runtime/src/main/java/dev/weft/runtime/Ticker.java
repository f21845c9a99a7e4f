package dev.weft.runtime;

/**
 * The runtime's source of time, so queues and rate limiters can be driven by a {@link ManualTicker}
 * in tests.
 */
public interface Ticker {

  /** A monotonic reading in nanoseconds, comparable only with readings of the same ticker. */
  long nanoTime();

  /**
   * Whether time passes without anyone advancing it. If not, waiters cannot time out by waiting and
   * rely on {@link #onAdvance} instead.
   */
  default boolean advancesByItself() {
    return true;
  }

  /** Registers a callback run whenever the ticker is moved forward by hand; a no-op by default. */
  default void onAdvance(Runnable listener) {}

  /** The JVM's monotonic clock. */
  static Ticker system() {
    return System::nanoTime;
  }
}
