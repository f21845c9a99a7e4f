package dev.weft.runtime;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** A ticker that moves only when told to; for deterministic tests of time-based logic. */
public final class ManualTicker implements Ticker {
  private final AtomicLong nanos = new AtomicLong();
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

  @Override
  public long nanoTime() {
    return nanos.get();
  }

  @Override
  public boolean advancesByItself() {
    return false;
  }

  @Override
  public void onAdvance(Runnable listener) {
    listeners.add(listener);
  }

  /** Moves time forward and runs the listeners on the calling thread. */
  public void advance(Duration by) {
    if (by.isNegative()) {
      throw new IllegalArgumentException("time cannot move backwards: " + by);
    }
    nanos.addAndGet(by.toNanos());
    listeners.forEach(Runnable::run);
  }
}
