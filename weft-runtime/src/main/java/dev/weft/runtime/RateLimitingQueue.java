package dev.weft.runtime;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * client-go's rate-limiting work queue. A key is queued at most once however often it is added; a
 * key being processed that is added again is queued only when its worker calls {@link #done}; so no
 * key is ever handed to two workers at once. Keys can be added after a delay or after the delay a
 * {@link RateLimiter} decides. Time comes from a {@link Ticker}.
 */
public final class RateLimitingQueue<K> {
  private record Waiting<K>(K item, long readyAt, long seq) {}

  private final RateLimiter<K> limiter;
  private final Ticker ticker;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final ArrayDeque<K> queue = new ArrayDeque<>();
  private final Set<K> dirty = new HashSet<>();
  private final Set<K> processing = new HashSet<>();
  private final PriorityQueue<Waiting<K>> waiting =
      new PriorityQueue<>(
          (a, b) ->
              a.readyAt() != b.readyAt()
                  ? Long.compare(a.readyAt(), b.readyAt())
                  : Long.compare(a.seq(), b.seq()));
  private final Map<K, Waiting<K>> waitingByItem = new HashMap<>();
  private long seq;
  private long adds;
  private long retries;
  private boolean shuttingDown;

  public RateLimitingQueue(RateLimiter<K> limiter, Ticker ticker) {
    this.limiter = limiter;
    this.ticker = ticker;
    ticker.onAdvance(this::wake);
  }

  /** A queue on the system clock with client-go's default controller rate limiter. */
  public static <K> RateLimitingQueue<K> withDefaults() {
    Ticker ticker = Ticker.system();
    return new RateLimitingQueue<>(RateLimiter.defaultControllerRateLimiter(ticker), ticker);
  }

  /** Queues {@code item} unless it is queued already; ignored after shutdown. */
  public void add(K item) {
    lock.lock();
    try {
      if (!shuttingDown) {
        addLocked(item);
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * The next item, waiting for one; null once the queue is shut down and empty. The caller must
   * call {@link #done} with it when finished.
   */
  public K get() throws InterruptedException {
    lock.lock();
    try {
      while (true) {
        promoteReady();
        K item = queue.pollFirst();
        if (item != null) {
          dirty.remove(item);
          processing.add(item);
          return item;
        }
        if (shuttingDown) {
          return null;
        }
        Waiting<K> next = waiting.peek();
        if (next != null && ticker.advancesByItself()) {
          changed.awaitNanos(Math.max(1, next.readyAt() - ticker.nanoTime()));
        } else {
          changed.await();
        }
      }
    } finally {
      lock.unlock();
    }
  }

  /** Marks {@code item} finished; if it was added meanwhile, it is queued again now. */
  public void done(K item) {
    lock.lock();
    try {
      processing.remove(item);
      if (dirty.contains(item)) {
        queue.addLast(item);
      }
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Queues {@code item} once {@code delay} has passed (at once if not positive). */
  public void addAfter(K item, Duration delay) {
    lock.lock();
    try {
      if (shuttingDown) {
        return;
      }
      if (delay.isNegative() || delay.isZero()) {
        addLocked(item);
        return;
      }
      long readyAt = ticker.nanoTime() + delay.toNanos();
      Waiting<K> existing = waitingByItem.get(item);
      if (existing != null) {
        if (existing.readyAt() <= readyAt) {
          return;
        }
        waiting.remove(existing);
      }
      Waiting<K> entry = new Waiting<>(item, readyAt, seq++);
      waiting.add(entry);
      waitingByItem.put(item, entry);
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Queues {@code item} after the delay the rate limiter decides for it. */
  public void addRateLimited(K item) {
    Duration delay = limiter.when(item);
    lock.lock();
    try {
      if (!shuttingDown) {
        retries++;
      }
    } finally {
      lock.unlock();
    }
    addAfter(item, delay);
  }

  /** Resets the rate limiter's failure count for {@code item}. */
  public void forget(K item) {
    limiter.forget(item);
  }

  public int numRequeues(K item) {
    return limiter.numRequeues(item);
  }

  /** Items ready to be handed out (not counting those being processed or still delayed). */
  public int len() {
    lock.lock();
    try {
      promoteReady();
      return queue.size();
    } finally {
      lock.unlock();
    }
  }

  /** Items waiting for their delay to pass. */
  public int waitingLen() {
    lock.lock();
    try {
      promoteReady();
      return waiting.size();
    } finally {
      lock.unlock();
    }
  }

  /** Items handed out and not yet done. */
  public int processingLen() {
    lock.lock();
    try {
      return processing.size();
    } finally {
      lock.unlock();
    }
  }

  /** Items queued for real (not deduplicated away), including from delays. */
  public long adds() {
    lock.lock();
    try {
      return adds;
    } finally {
      lock.unlock();
    }
  }

  /** Calls of {@link #addRateLimited} before shutdown. */
  public long retries() {
    lock.lock();
    try {
      return retries;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Stops accepting items and drops delayed ones; {@link #get} still hands out what is queued, then
   * returns null.
   */
  public void shutDown() {
    lock.lock();
    try {
      shuttingDown = true;
      waiting.clear();
      waitingByItem.clear();
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Shuts down, then waits until every queued and handed-out item is done. */
  public void shutDownWithDrain() throws InterruptedException {
    shutDown();
    lock.lock();
    try {
      while (!queue.isEmpty() || !processing.isEmpty()) {
        changed.await();
      }
    } finally {
      lock.unlock();
    }
  }

  /** As {@link #shutDownWithDrain()}, giving up after {@code timeout}; true if drained. */
  public boolean shutDownWithDrain(Duration timeout) throws InterruptedException {
    shutDown();
    long remaining = timeout.toNanos();
    lock.lock();
    try {
      while (!queue.isEmpty() || !processing.isEmpty()) {
        if (remaining <= 0) {
          return false;
        }
        remaining = changed.awaitNanos(remaining);
      }
      return true;
    } finally {
      lock.unlock();
    }
  }

  public boolean isShuttingDown() {
    lock.lock();
    try {
      return shuttingDown;
    } finally {
      lock.unlock();
    }
  }

  private void addLocked(K item) {
    if (!dirty.add(item)) {
      return;
    }
    adds++;
    if (!processing.contains(item)) {
      queue.addLast(item);
      changed.signalAll();
    }
  }

  private void promoteReady() {
    long now = ticker.nanoTime();
    while (!waiting.isEmpty() && waiting.peek().readyAt() <= now) {
      Waiting<K> ready = waiting.poll();
      waitingByItem.remove(ready.item());
      addLocked(ready.item());
    }
  }

  private void wake() {
    lock.lock();
    try {
      promoteReady();
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public String toString() {
    lock.lock();
    try {
      return "RateLimitingQueue[queued="
          + queue.size()
          + ", processing="
          + processing.size()
          + ", waiting="
          + waiting.size()
          + (shuttingDown ? ", shut down]" : "]");
    } finally {
      lock.unlock();
    }
  }
}
