package dev.weft.store;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Group commit for the writes of a {@link JdbcStore}: concurrent writes share one transaction and
 * so one fsync. A caller queues its write and waits; a caller that finds no batch running leads: it
 * takes everything queued (at most {@link #MAX_BATCH}), runs each write's rules inside a savepoint
 * of its own in one write transaction, commits once and then answers every caller of the batch. The
 * next batch is whatever queued while this one ran, so there is no timer: a lone writer commits at
 * once, and under load a batch grows with the time a commit takes.
 *
 * <p>A caller is answered only after its batch's COMMIT returned, so an answered write is as
 * durable as the database's commit. A write whose rules fail (a conflict, a missing object, bad
 * input) is rolled back to its savepoint and fails alone; an SQL failure fails the whole batch and
 * nothing of it is kept. Versions are given out in the order the writes run, in one transaction at
 * a time, so they stay gap-free and in commit order.
 */
final class WriteQueue {
  /** Bounds one transaction's size, and so the wait of the batch's first caller. */
  static final int MAX_BATCH = 64;

  private final ConnectionPool writer;
  private final Dialect dialect;
  private final int historyLimit;
  private final Runnable afterCommit;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition batchDone = lock.newCondition();
  private final ArrayDeque<Request<?>> queued = new ArrayDeque<>();
  private final AtomicLong commits = new AtomicLong();
  private boolean leading;

  /** {@code afterCommit} runs once per committed batch, before its callers are answered. */
  WriteQueue(ConnectionPool writer, Dialect dialect, int historyLimit, Runnable afterCommit) {
    this.writer = writer;
    this.dialect = dialect;
    this.historyLimit = historyLimit;
    this.afterCommit = afterCommit;
  }

  /**
   * Runs {@code work} (the rules of one write) in a write transaction, returns what it returned
   * once that transaction committed, or throws what it threw, or a {@link StorageFailure} if the
   * transaction failed. {@code committed} gets the result after the commit and before {@code
   * afterCommit} runs (on the batch's leading thread; it must not block).
   */
  <R> R submit(Function<JdbcWriteTx, R> work, Consumer<? super R> committed) {
    Request<R> mine = new Request<>(work, committed);
    lock.lock();
    try {
      queued.addLast(mine);
    } finally {
      lock.unlock();
    }
    for (List<Request<?>> batch = leadOrWait(mine); batch != null; batch = leadOrWait(mine)) {
      try {
        run(batch);
      } finally {
        answer(batch);
      }
    }
    return mine.outcome();
  }

  /** How many transactions committed a batch: fewer than the writes when batches formed. */
  long commits() {
    return commits.get();
  }

  /** How many writes wait for a batch to take them. */
  int waiting() {
    lock.lock();
    try {
      return queued.size();
    } finally {
      lock.unlock();
    }
  }

  /** Waits until {@code mine} is answered (null) or no batch runs: then takes the next batch. */
  private List<Request<?>> leadOrWait(Request<?> mine) {
    lock.lock();
    try {
      while (leading && !mine.answered) {
        batchDone.awaitUninterruptibly();
      }
      if (mine.answered) {
        return null;
      }
      leading = true;
      List<Request<?>> batch = new ArrayList<>(Math.min(queued.size(), MAX_BATCH));
      while (batch.size() < MAX_BATCH && !queued.isEmpty()) {
        batch.add(queued.pollFirst());
      }
      return batch;
    } finally {
      lock.unlock();
    }
  }

  /** Publishes the batch's outcomes to their callers and lets the next leader start. */
  private void answer(List<Request<?>> batch) {
    lock.lock();
    try {
      for (Request<?> request : batch) {
        if (!request.decided) {
          request.fail(new IllegalStateException("the write batch ended without an answer"));
        }
        request.answered = true;
      }
      leading = false;
      batchDone.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Runs and commits one batch; every request ends with an outcome, kept or failed. */
  private void run(List<Request<?>> batch) {
    try {
      if (batch.size() == 1) {
        runAlone(batch.getFirst());
      } else {
        runTogether(batch);
      }
    } catch (RuntimeException | Error batchFailure) {
      for (Request<?> request : batch) {
        request.fail(batch.size() == 1 ? batchFailure : forOneCaller(batchFailure));
      }
      return;
    }
    commits.incrementAndGet();
    for (Request<?> request : batch) request.committed();
    afterCommit.run();
  }

  /**
   * A batch of one needs no savepoint: if its rules fail, the whole transaction rolls back (as
   * before group commit), and the failure goes to its one caller.
   */
  private <R> void runAlone(Request<R> request) {
    request.succeed(
        writer.transact(
            c -> {
              JdbcWriteTx tx = JdbcWriteTx.begin(c, dialect);
              try {
                R r = request.work.apply(tx);
                tx.finish(historyLimit);
                return r;
              } catch (JdbcWriteTx.Failed e) {
                throw e.getCause();
              }
            }));
  }

  private void runTogether(List<Request<?>> batch) {
    writer.transact(
        c -> {
          JdbcWriteTx tx = JdbcWriteTx.begin(c, dialect);
          for (Request<?> request : batch) {
            JdbcWriteTx.Mark mark = tx.mark();
            Dialect.exec(c, "SAVEPOINT weft_write");
            try {
              request.run(tx);
            } catch (JdbcWriteTx.Failed e) {
              throw e.getCause();
            } catch (RuntimeException ruleFailure) {
              Dialect.exec(c, "ROLLBACK TO SAVEPOINT weft_write");
              tx.reset(mark);
              request.fail(ruleFailure);
            }
            Dialect.exec(c, "RELEASE SAVEPOINT weft_write");
          }
          tx.finish(historyLimit);
          return null;
        });
  }

  /** The batch's failure as thrown to one caller: each gets an exception of its own. */
  private static Throwable forOneCaller(Throwable batchFailure) {
    return batchFailure instanceof StorageFailure f
        ? new StorageFailure(f.getMessage(), f.getCause())
        : batchFailure;
  }

  /** One caller's write and, once decided, its outcome (read by the caller once answered). */
  private static final class Request<R> {
    private final Function<JdbcWriteTx, R> work;
    private final Consumer<? super R> committed;
    private R result;
    private Throwable failure;
    private boolean decided;
    private boolean answered;

    Request(Function<JdbcWriteTx, R> work, Consumer<? super R> committed) {
      this.work = work;
      this.committed = committed;
    }

    /** Tells the store of a kept write; a failure of that hand-over is this caller's alone. */
    void committed() {
      if (!decided || failure != null) return;
      try {
        committed.accept(result);
      } catch (RuntimeException e) {
        fail(e);
      }
    }

    void run(JdbcWriteTx tx) {
      succeed(work.apply(tx));
    }

    void succeed(R value) {
      result = value;
      failure = null;
      decided = true;
    }

    void fail(Throwable cause) {
      result = null;
      failure = cause;
      decided = true;
    }

    R outcome() {
      if (failure instanceof RuntimeException e) {
        throw e;
      }
      if (failure instanceof Error e) {
        throw e;
      }
      return result;
    }
  }
}
