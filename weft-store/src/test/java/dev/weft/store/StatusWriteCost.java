package dev.weft.store;

import com.sun.management.OperatingSystemMXBean;
import dev.weft.model.Workflow;
import dev.weft.model.codec.Codec;
import dev.weft.model.status.NodePhase;
import dev.weft.model.status.NodeStatus;
import dev.weft.model.status.NodeType;
import dev.weft.model.status.StatusPatch;
import dev.weft.model.status.WorkflowPhase;
import dev.weft.model.status.WorkflowStatus;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A measurement, not a test: the wall and process CPU time of one status write of a workflow with
 * {@code nodes} nodes (two nodes and the header changed), through updateStatus and through
 * patchStatus, with a watch open, on SQLite (synchronous=FULL) and in memory. Run: {@code java -cp
 * <test classpath> dev.weft.store.StatusWriteCost [nodes] [writes] [dir]}.
 */
public final class StatusWriteCost {
  private StatusWriteCost() {}

  public static void main(String[] args) throws Exception {
    int nodes = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    int writes = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    Path dir = Files.createTempDirectory(Path.of(args.length > 2 ? args[2] : "."), "cost");
    System.out.printf(
        "workflow of %d nodes, %d writes each, two nodes + header changed%n", nodes, writes);
    for (String mode : List.of("updateStatus", "patchStatus")) {
      try (JdbcStore store = Stores.open(dir.resolve(mode + ".db").toString())) {
        measure("sqlite", mode, store, nodes, writes);
      }
      measure("memory", mode, new InMemoryStore(), nodes, writes);
    }
  }

  private static void measure(String where, String mode, Store store, int nodes, int writes)
      throws Exception {
    AtomicLong seen = new AtomicLong();
    Workflow wf = store.create(Fixtures.workflow("ns", "wf-" + mode.toLowerCase()));
    wf = store.updateStatus(wf.withStatus(status(nodes, -1)));
    try (Watch w = store.watch(Workflow.class, "ns", null, e -> seen.incrementAndGet())) {
      OperatingSystemMXBean os =
          (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
      for (int round = 0; round < 2; round++) { // the first round warms the JIT up
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        for (int i = 0; i < writes; i++) {
          // as the engine hands it over: the untouched nodes are the same instances
          Map<String, NodeStatus> changed = new LinkedHashMap<>();
          for (int k : new int[] {(i + nodes - 1) % nodes, i % nodes}) {
            NodeStatus n = wf.status().nodes().get(id(k));
            changed.put(
                n.id(),
                n.toBuilder()
                    .phase(k == i % nodes ? NodePhase.RUNNING : NodePhase.SUCCEEDED)
                    .message("write " + i)
                    .build());
          }
          WorkflowStatus header = StatusPatch.headerOf(wf.status());
          header =
              new WorkflowStatus(
                  header.phase(),
                  header.startedAt(),
                  null,
                  i + "/" + nodes,
                  null,
                  header.nodes(),
                  null,
                  null,
                  null,
                  null,
                  null,
                  null);
          StatusPatch patch = new StatusPatch(header, true, changed, List.of());
          wf =
              mode.equals("patchStatus")
                  ? store.patchStatus(wf, patch, null)
                  : store.updateStatus(wf.withStatus(patch.applyTo(wf.status())));
        }
        long wall = System.nanoTime() - t0;
        long target = seen.get() + 0;
        while (seen.get() < (long) (round + 1) * writes) {
          Thread.sleep(1);
        }
        long cpu = os.getProcessCpuTime() - cpu0;
        if (round == 1) {
          System.out.printf(
              "%-7s %-13s wall %7.2f ms/write, process CPU %7.2f ms/write (watch included)%n",
              where, mode, wall / 1e6 / writes, cpu / 1e6 / writes);
        }
        if (target < 0) {
          throw new IllegalStateException();
        }
      }
    }
    if (store instanceof JdbcStore jdbc) {
      long history =
          jdbc.withWriter(
              c -> {
                try (var ps =
                        c.prepareStatement(
                            "SELECT avg(length(body)) FROM weft_changes WHERE type = 'MODIFIED'"
                                + " AND version > 3");
                    var rs = ps.executeQuery()) {
                  rs.next();
                  return rs.getLong(1);
                }
              });
      System.out.printf(
          "%-7s %-13s history row %d bytes/write; whole status %d bytes%n",
          where, mode, history, Codec.toJson(wf.status()).length());
    }
  }

  private static String id(int i) {
    return "wf-" + (1_000_000_000L + i);
  }

  /** A status of {@code nodes} finished pod nodes, node {@code changed} running (none if -1). */
  static WorkflowStatus status(int nodes, int changed) {
    Map<String, NodeStatus> all = new LinkedHashMap<>();
    Instant start = Instant.parse("2024-05-01T10:00:00Z");
    for (int i = 0; i < nodes; i++) {
      String id = id(i);
      all.put(
          id,
          NodeStatus.builder(id, "wf[" + i + "].step", NodeType.Pod)
              .templateName("step")
              .phase(i == changed ? NodePhase.RUNNING : NodePhase.SUCCEEDED)
              .boundaryID("wf")
              .startedAt(start.plusSeconds(i))
              .finishedAt(i == changed ? null : start.plusSeconds(i + 1))
              .podName("wf-step-" + (1_000_000_000L + i))
              .children(i + 1 < nodes ? List.of("wf-" + (1_000_000_001L + i)) : List.of())
              .build());
    }
    return new WorkflowStatus(
        WorkflowPhase.RUNNING,
        start,
        null,
        changed + "/" + nodes,
        null,
        all,
        null,
        null,
        null,
        null,
        null,
        null);
  }
}
