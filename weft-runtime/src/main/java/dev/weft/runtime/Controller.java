package dev.weft.runtime;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A pool of virtual-thread workers that take keys from a {@link RateLimitingQueue} and reconcile
 * them, then apply the {@link Result}: done forgets the key's failures, requeue-after re-adds it
 * after the delay, requeue and errors re-add it rate-limited.
 */
public final class Controller<K> {
  private static final System.Logger LOG = System.getLogger(Controller.class.getName());

  private final String name;
  private final RateLimitingQueue<K> queue;
  private final Reconciler<K> reconciler;
  private final int workers;
  private final Ticker ticker;
  private final Consumer<ReconcileFailure<K>> onFailure;
  private final List<Thread> threads = new ArrayList<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicLong errors = new AtomicLong();
  private final AtomicLong workCount = new AtomicLong();
  private final AtomicLong workNanos = new AtomicLong();
  private volatile boolean stopping;

  private Controller(Builder<K> b) {
    this.name = b.name;
    this.queue = b.queue;
    this.reconciler = b.reconciler;
    this.workers = b.workers;
    this.ticker = b.ticker;
    this.onFailure = b.onFailure;
  }

  public static <K> Builder<K> builder(String name, Reconciler<K> reconciler) {
    return new Builder<>(name, reconciler);
  }

  /** Starts the workers; once only. */
  public synchronized void start() {
    if (!threads.isEmpty() || stopping) {
      throw new IllegalStateException("controller " + name + " was started already");
    }
    for (int i = 0; i < workers; i++) {
      threads.add(Thread.ofVirtual().name(name + "-worker-" + i).start(this::work));
    }
  }

  public void enqueue(K key) {
    queue.add(key);
  }

  public RateLimitingQueue<K> queue() {
    return queue;
  }

  /**
   * Stops taking work and waits up to {@code timeout} for running reconciles to finish; workers
   * still busy then are interrupted. True if all finished in time.
   */
  public boolean shutdown(Duration timeout) throws InterruptedException {
    stopping = true;
    queue.shutDown();
    long deadline = System.nanoTime() + timeout.toNanos();
    List<Thread> started;
    synchronized (this) {
      started = List.copyOf(threads);
    }
    boolean clean = true;
    for (Thread t : started) {
      long left = deadline - System.nanoTime();
      if (left <= 0 || !t.join(Duration.ofNanos(left))) {
        clean = false;
        t.interrupt();
      }
    }
    return clean;
  }

  public MetricsSnapshot metrics() {
    return new MetricsSnapshot(
        queue.len(),
        queue.waitingLen(),
        queue.adds(),
        queue.retries(),
        errors.get(),
        workCount.get(),
        Duration.ofNanos(workNanos.get()),
        inFlight.get());
  }

  private void work() {
    while (true) {
      K key;
      try {
        key = queue.get();
      } catch (InterruptedException e) {
        return;
      }
      if (key == null) {
        return;
      }
      if (stopping) {
        queue.done(key);
        return;
      }
      try {
        process(key);
      } finally {
        queue.done(key);
      }
    }
  }

  private void process(K key) {
    inFlight.incrementAndGet();
    long start = ticker.nanoTime();
    Result result;
    try {
      result = Objects.requireNonNull(reconciler.reconcile(key), "reconcile returned null");
    } catch (Throwable e) {
      // also StackOverflowError and OutOfMemoryError: one key's reconcile failed, the stack has
      // unwound and its garbage is free; the worker goes on with the other keys
      fail(key, e);
      return;
    } finally {
      workNanos.addAndGet(ticker.nanoTime() - start);
      workCount.incrementAndGet();
      inFlight.decrementAndGet();
    }
    switch (result) {
      case Result.Done d -> queue.forget(key);
      case Result.Requeue r -> queue.addRateLimited(key);
      case Result.RequeueAfter r -> {
        queue.forget(key);
        queue.addAfter(key, r.delay());
      }
    }
  }

  private void fail(K key, Throwable e) {
    errors.incrementAndGet();
    int previous = queue.numRequeues(key);
    if (previous == 0) {
      LOG.log(Level.WARNING, () -> name + ": reconcile of " + key + " failed", e);
    } else {
      // the first failure's stack trace was logged; a retry that fails again says so in one line
      LOG.log(
          Level.WARNING,
          () -> name + ": reconcile of " + key + " failed again (" + previous + " before): " + e);
    }
    try {
      onFailure.accept(new ReconcileFailure<>(key, e, previous));
    } catch (Throwable listenerError) { // an Error too: the worker must live on
      LOG.log(Level.WARNING, name + ": failure listener threw", listenerError);
    }
    queue.addRateLimited(key);
  }

  /** Configures a controller; by default 1 worker, a default queue and the system ticker. */
  public static final class Builder<K> {
    private final String name;
    private final Reconciler<K> reconciler;
    private RateLimitingQueue<K> queue;
    private int workers = 1;
    private Ticker ticker = Ticker.system();
    private Consumer<ReconcileFailure<K>> onFailure = f -> {};

    private Builder(String name, Reconciler<K> reconciler) {
      this.name = Objects.requireNonNull(name, "name");
      this.reconciler = Objects.requireNonNull(reconciler, "reconciler");
    }

    public Builder<K> queue(RateLimitingQueue<K> q) {
      this.queue = q;
      return this;
    }

    public Builder<K> workers(int n) {
      if (n < 1) {
        throw new IllegalArgumentException("need at least one worker, got " + n);
      }
      this.workers = n;
      return this;
    }

    /** The ticker timing reconciles for the metrics (the queue has its own). */
    public Builder<K> ticker(Ticker t) {
      this.ticker = t;
      return this;
    }

    /** Called on the worker thread with every failed reconcile. */
    public Builder<K> onFailure(Consumer<ReconcileFailure<K>> listener) {
      this.onFailure = listener;
      return this;
    }

    public Controller<K> build() {
      if (queue == null) {
        queue = RateLimitingQueue.withDefaults();
      }
      return new Controller<>(this);
    }
  }
}
