package dev.weft.store;

import dev.weft.model.Workflow;
import dev.weft.model.codec.Codec;
import dev.weft.model.status.WorkflowStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Not a test: how many status writes per second concurrent writers get from a durable SQLite store,
 * and in how many commits. Arguments: threads (8), writes in all (2000), durability (FULL). Prints
 * one line; the figures depend on the disk's fsync.
 */
public final class GroupCommitThroughput {
  private GroupCommitThroughput() {}

  public static void main(String[] args) throws Exception {
    int threads = args.length > 0 ? Integer.parseInt(args[0]) : 8;
    int writes = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
    JdbcOptions.Durability durability =
        JdbcOptions.Durability.valueOf(args.length > 2 ? args[2] : "FULL");
    Path dir = Files.createTempDirectory("weft-group-commit");
    JdbcOptions options = JdbcOptions.defaults().withDurability(durability);
    try (JdbcStore store = Stores.open(dir.resolve("bench.db").toString(), options)) {
      List<Workflow> workflows = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        workflows.add(store.create(Fixtures.workflow("bench", "wf-" + t)));
      }
      long commitsBefore = store.writeQueue().commits();
      CountDownLatch start = new CountDownLatch(1);
      List<Thread> writers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        Workflow wf = workflows.get(t);
        int count = writes / threads + (t < writes % threads ? 1 : 0);
        writers.add(Thread.ofPlatform().start(() -> writeStatuses(store, wf, count, start)));
      }
      long began = System.nanoTime();
      start.countDown();
      for (Thread writer : writers) {
        writer.join();
      }
      double seconds = (System.nanoTime() - began) / 1e9;
      long commits = store.writeQueue().commits() - commitsBefore;
      System.out.printf(
          "%d threads, %d updateStatus writes, SQLite %s: %.2f s, %.0f writes/s, %d commits"
              + " (%.1f writes per commit)%n",
          threads,
          writes,
          durability,
          seconds,
          writes / seconds,
          commits,
          (double) writes / commits);
    }
  }

  private static void writeStatuses(Store store, Workflow wf, int count, CountDownLatch start) {
    try {
      start.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    Workflow current = wf;
    for (int i = 0; i < count; i++) {
      WorkflowStatus status =
          Codec.convert(Map.of("phase", "Running", "message", "step " + i), WorkflowStatus.class);
      current = store.updateStatus(current.withStatus(status));
    }
  }
}
