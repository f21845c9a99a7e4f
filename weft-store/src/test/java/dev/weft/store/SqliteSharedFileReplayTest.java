package dev.weft.store;

import static dev.weft.store.StoreStatusPatchContract.node;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.Workflow;
import dev.weft.model.codec.Codec;
import dev.weft.model.status.NodePhase;
import dev.weft.model.status.NodeStatus;
import dev.weft.model.status.StatusPatch;
import dev.weft.model.status.WorkflowPhase;
import dev.weft.model.status.WorkflowStatus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two stores write one workflow on one SQLite file, by patches and whole-status writes (nodes
 * added, changed, removed, reordered, the nodes field gone, labels changed); every read and every
 * watch (live, or started afterwards from an old resourceVersion) sees each version exactly as
 * stored, node order included.
 */
class SqliteSharedFileReplayTest {
  @TempDir Path dir;

  private static final NodePhase[] PHASES = {
    NodePhase.PENDING, NodePhase.RUNNING, NodePhase.SUCCEEDED, NodePhase.FAILED
  };

  private static WorkflowStatus next(WorkflowStatus was, Random random, int step) {
    Map<String, NodeStatus> nodes =
        new LinkedHashMap<>(was == null ? Map.of() : was.nodesOrEmpty());
    List<String> ids = new ArrayList<>(nodes.keySet());
    int choice = random.nextInt(10);
    if (choice == 0) {
      return new WorkflowStatus(
          WorkflowPhase.RUNNING,
          null,
          null,
          null,
          "gone " + step,
          null,
          null,
          null,
          null,
          null,
          null,
          null);
    }
    if (choice == 1 && ids.size() > 2) {
      // reordered: a new node in front of the others
      Map<String, NodeStatus> reordered = new LinkedHashMap<>();
      reordered.put("f" + step, node("f" + step, PHASES[random.nextInt(PHASES.length)]));
      reordered.putAll(nodes);
      nodes = reordered;
    }
    for (int i = random.nextInt(3); i > 0; i--) {
      nodes.put("n" + step + "-" + i, node("n" + step + "-" + i, NodePhase.PENDING));
    }
    for (String id : ids) {
      int r = random.nextInt(6);
      if (r == 0) nodes.remove(id);
      else if (r == 1) nodes.put(id, node(id, PHASES[random.nextInt(PHASES.length)]));
    }
    String message = random.nextBoolean() ? null : "m" + random.nextInt(3);
    return new WorkflowStatus(
        WorkflowPhase.RUNNING,
        null,
        null,
        null,
        message,
        nodes,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  @Test
  void everyReaderAndWatchSeesEachVersionAsStored() throws Exception {
    Path file = dir.resolve("shared.db");
    Random random = new Random(7);
    BlockingQueue<WatchEvent> live = new LinkedBlockingQueue<>();
    List<String> expected = new ArrayList<>();
    String createdAt;
    try (JdbcStore a = Fixtures.sqlite(file, 1000);
        JdbcStore b = Fixtures.sqlite(file, 1000);
        JdbcStore reader = Fixtures.sqlite(file, 1000)) {
      Workflow wf = a.create(Fixtures.workflow("ns", "wf"));
      createdAt = wf.metadata().resourceVersion();
      try (Watch w = b.watch(Workflow.class, "ns", createdAt, live::add)) {
        for (int step = 0; step < 90; step++) {
          if (step == 40) {
            // gone and made anew under the same name: patches of the first must not reach it
            a.delete(Workflow.class, "ns", "wf");
            expected.add("DELETED");
            b.create(Fixtures.workflow("ns", "wf"));
            expected.add(Codec.toJson(reader.get(Workflow.class, "ns", "wf").orElseThrow()));
          }
          JdbcStore writer = random.nextBoolean() ? a : b;
          Workflow current = writer.get(Workflow.class, "ns", "wf").orElseThrow();
          WorkflowStatus status = next(current.status(), random, step);
          Workflow written;
          if (random.nextInt(5) == 0) {
            written = writer.updateStatus(current.withStatus(status));
          } else {
            Map<String, String> labels =
                random.nextInt(4) == 0 ? Map.of("step", Integer.toString(step)) : null;
            written =
                writer.patchStatus(current, StatusPatch.between(current.status(), status), labels);
          }
          String stored = Codec.toJson(reader.get(Workflow.class, "ns", "wf").orElseThrow());
          assertThat(Codec.toJson(written)).as("answer of write %d", step).isEqualTo(stored);
          expected.add(stored);
        }
        assertThat(events(live, expected.size())).containsExactlyElementsOf(expected);
      }
    }
    try (JdbcStore late = Fixtures.sqlite(file, 1000)) {
      BlockingQueue<WatchEvent> backlog = new LinkedBlockingQueue<>();
      try (Watch w = late.watch(Workflow.class, "ns", createdAt, backlog::add)) {
        assertThat(events(backlog, expected.size())).containsExactlyElementsOf(expected);
      }
    }
  }

  private static List<String> events(BlockingQueue<WatchEvent> queue, int n)
      throws InterruptedException {
    List<String> seen = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      WatchEvent e = queue.poll(10, TimeUnit.SECONDS);
      if (e == null) break;
      seen.add(e.type() == WatchEvent.Type.DELETED ? "DELETED" : Codec.toJson(e.object()));
    }
    return seen;
  }
}
