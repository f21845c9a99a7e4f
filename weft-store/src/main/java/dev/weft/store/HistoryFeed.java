package dev.weft.store;

import dev.weft.model.Resource;
import dev.weft.model.Workflow;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Watches for a {@link JdbcStore}: one thread reads the committed changes from the history table in
 * version order and publishes them to a {@link WatchHub}. It polls every {@code interval}, so
 * writes of other processes are seen, and at once when this process commits ({@link #wakeUp}).
 * Starting a watch and publishing happen under one lock, so each watch gets a gap-free backlog
 * followed by every later change.
 *
 * <p>This process's own writes are handed over decoded ({@link #ownWrite}), so their bodies are
 * neither read nor parsed again; a status patch of another process is applied to the workflow as
 * last published ({@link Replay}), so it costs what it changed.
 */
final class HistoryFeed implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(HistoryFeed.class.getName());
  private static final int BATCH = 500;

  private final ConnectionPool readers;
  private final Duration interval;
  private final WatchHub hub = new WatchHub();
  private final ReentrantLock lock = new ReentrantLock();
  private final Semaphore wake = new Semaphore(0);
  private final Map<Long, Resource> ownWrites = new ConcurrentHashMap<>();
  private final Replay latest = new Replay(this::stateBefore);
  private volatile long delivered = -1;
  private volatile Thread poller;
  private volatile boolean closed;

  HistoryFeed(ConnectionPool readers, Duration interval) {
    this.readers = readers;
    this.interval = interval;
  }

  Watch watch(ResourceKind kind, String namespace, String from, Consumer<WatchEvent> handler) {
    lock.lock();
    try {
      catchUp();
      long after = from == null || from.isEmpty() ? delivered : ObjectLifecycle.parseVersion(from);
      long through = delivered;
      List<Change> backlog =
          readers.transact(
              c -> {
                long compacted = Schema.meta(c, Schema.COMPACTED_THROUGH, "");
                if (after < compacted) {
                  throw new StoreException.TooOld(Long.toString(after), Long.toString(compacted));
                }
                return HistoryTable.between(c, after, through, kind, namespace);
              });
      Watch watch =
          hub.subscribe(kind, namespace, new Replay(this::stateBefore).resolve(backlog), handler);
      startPoller();
      return watch;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Hands over the object this process's committed write at {@code version} made, so the feed need
   * not read it back; the writer wakes the poller after handing over all of its batch.
   */
  void ownWrite(long version, Resource object) {
    if (version > delivered && hub.size() > 0) {
      ownWrites.put(version, object);
    }
  }

  /** Tells the poller that this process committed a change. */
  void wakeUp() {
    if (poller != null && wake.availablePermits() == 0) {
      wake.release();
    }
  }

  /**
   * Publishes every change committed since the last one published. With no watch open, only the
   * position moves on.
   */
  private void catchUp() {
    if (delivered < 0 || hub.size() == 0) {
      delivered = readers.transact(c -> Schema.meta(c, Schema.REVISION, ""));
      ownWrites.clear();
      latest.forget();
      return;
    }
    while (true) {
      long after = delivered;
      List<Change> batch =
          readers.transact(
              c -> {
                long compacted = Schema.meta(c, Schema.COMPACTED_THROUGH, "");
                if (after < compacted) {
                  LOG.log(
                      Level.ERROR,
                      "watches fell behind the history: changes after {0} through {1} were"
                          + " compacted before they were delivered",
                      after,
                      compacted);
                }
                return HistoryTable.after(c, after, BATCH, ownWrites::containsKey);
              });
      List<Change> known = new ArrayList<>(batch.size());
      for (Change change : batch) {
        Resource own = ownWrites.remove(change.version());
        known.add(own == null ? change : change.withTyped(own));
      }
      for (Change change : latest.resolve(known)) {
        hub.publish(change);
        delivered = change.version();
      }
      long through = delivered;
      ownWrites.keySet().removeIf(v -> v <= through);
      if (batch.size() < BATCH) {
        return;
      }
    }
  }

  /**
   * The workflow at a patch's base, from the database: the object now with later patches undone.
   */
  private Workflow stateBefore(Change patch) {
    return readers.transact(
        c -> {
          List<Change> later = HistoryTable.ofObjectFrom(c, patch.key(), patch.version());
          ObjectTable.Row row = ObjectTable.find(c, patch.key());
          Workflow now = row == null ? null : StoreCodec.convert(row.tree(), Workflow.class);
          if (later.isEmpty() || later.getFirst().version() != patch.version()) {
            // the patch itself was compacted: the feed fell behind (logged in catchUp), and
            // the object as it is now is the best image left
            return now != null
                ? now
                : new Workflow(null, null, patch.delta().metaBefore(), null, null);
          }
          return Replay.before(later, () -> now);
        });
  }

  private void startPoller() {
    if (poller == null) {
      poller = Thread.ofPlatform().daemon().name("weft-store-history").start(this::poll);
    }
  }

  private void poll() {
    while (!closed) {
      try {
        if (wake.tryAcquire(interval.toMillis(), TimeUnit.MILLISECONDS)) {
          wake.drainPermits();
        }
      } catch (InterruptedException e) {
        return;
      }
      if (closed || hub.size() == 0) {
        continue;
      }
      lock.lock();
      try {
        catchUp();
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "reading the change history failed; retrying", e);
      } finally {
        lock.unlock();
      }
    }
  }

  @Override
  public void close() {
    closed = true;
    Thread t;
    lock.lock();
    try {
      t = poller;
    } finally {
      lock.unlock();
    }
    if (t != null) {
      t.interrupt();
      try {
        t.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
