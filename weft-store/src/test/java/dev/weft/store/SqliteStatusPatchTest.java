package dev.weft.store;

import static dev.weft.store.StoreStatusPatchContract.node;
import static dev.weft.store.StoreStatusPatchContract.run;
import static dev.weft.store.StoreStatusPatchContract.status;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.ConfigMap;
import dev.weft.model.Workflow;
import dev.weft.model.codec.Codec;
import dev.weft.model.status.NodePhase;
import dev.weft.model.status.NodeStatus;
import dev.weft.model.status.StatusPatch;
import dev.weft.model.status.WorkflowPhase;
import dev.weft.model.status.WorkflowStatus;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a status patch writes in a SQLite {@link JdbcStore}, and who sees it. */
class SqliteStatusPatchTest {
  @TempDir Path dir;

  private static long count(JdbcStore store, String sql) {
    return store.withWriter(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(sql);
              ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
          }
        });
  }

  private static WorkflowStatus wide(int nodes, NodePhase phase) {
    NodeStatus[] all = new NodeStatus[nodes];
    for (int i = 0; i < nodes; i++) {
      all[i] = node("n" + i, phase);
    }
    return status(WorkflowPhase.RUNNING, null, all);
  }

  @Test
  void aPatchWritesTheChangedNodeAndAHistoryRowTheSizeOfTheChange() {
    try (JdbcStore store = Fixtures.sqlite(dir.resolve("s.db"), 100)) {
      Workflow wf = store.create(Fixtures.workflow("ns", "wf"));
      wf = store.patchStatus(wf, StatusPatch.between(null, wide(200, NodePhase.PENDING)), null);
      WorkflowStatus next = wf.status();
      Map<String, NodeStatus> nodes = new java.util.LinkedHashMap<>(next.nodes());
      nodes.put("n7", node("n7", NodePhase.RUNNING));
      WorkflowStatus changed =
          new WorkflowStatus(
              next.phase(), null, null, null, null, nodes, null, null, null, null, null, null);

      Workflow patched = store.patchStatus(wf, StatusPatch.between(wf.status(), changed), null);

      long historyBytes =
          count(store, "SELECT length(body) FROM weft_changes WHERE version = " + 3);
      assertThat(Codec.toJson(patched.status()).length()).isGreaterThan(20_000);
      assertThat(historyBytes).isLessThan(1_500);
      assertThat(count(store, "SELECT count(*) FROM weft_nodes")).isEqualTo(200);
      assertThat(Codec.toJson(store.get(Workflow.class, "ns", "wf").orElseThrow()))
          .isEqualTo(Codec.toJson(patched));
    }
  }

  @Test
  void cascadingDeletionDropsTheWorkflowsNodeRows() {
    try (JdbcStore store = Fixtures.sqlite(dir.resolve("s.db"), 100)) {
      ConfigMap owner = store.create(Fixtures.configMap("ns", "owner", Map.of()));
      Workflow wf = store.create(Fixtures.ownedBy(Fixtures.workflow("ns", "wf"), owner));
      store.patchStatus(wf, StatusPatch.between(null, wide(5, NodePhase.PENDING)), null);

      store.delete(ConfigMap.class, "ns", "owner");

      assertThat(store.get(Workflow.class, "ns", "wf")).isEmpty();
      assertThat(count(store, "SELECT count(*) FROM weft_nodes")).isZero();
    }
  }

  @Test
  void anotherStoreOnTheFileReadsAndWatchesThePatches() throws Exception {
    Path file = dir.resolve("shared.db");
    BlockingQueue<WatchEvent> events = new LinkedBlockingQueue<>();
    try (JdbcStore writer = Fixtures.sqlite(file, 100);
        JdbcStore reader = Fixtures.sqlite(file, 100)) {
      Workflow wf = writer.create(Fixtures.workflow("ns", "wf"));
      Workflow first = writer.patchStatus(wf, StatusPatch.between(null, run().get(0)), null);
      assertThat(Codec.toJson(reader.get(Workflow.class, "ns", "wf").orElseThrow()))
          .isEqualTo(Codec.toJson(first));
      List<String> expected = new ArrayList<>();
      try (Watch w = reader.watch(Workflow.class, "ns", null, events::add)) {
        Workflow current = first;
        for (WorkflowStatus next : run().subList(1, run().size())) {
          current = writer.patchStatus(current, StatusPatch.between(current.status(), next), null);
          expected.add(Codec.toJson(current));
        }
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < expected.size(); i++) {
          WatchEvent e = events.poll(10, TimeUnit.SECONDS);
          assertThat(e).as("event %d", i + 1).isNotNull();
          seen.add(Codec.toJson(e.object()));
        }
        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(Codec.toJson(reader.get(Workflow.class, "ns", "wf").orElseThrow()))
            .isEqualTo(Codec.toJson(current));
      }
    }
  }

  @Test
  void theWatchGetsThisProcesssPatchWithoutDecodingIt() throws Exception {
    // no timed polling: only the write itself wakes the feed, after handing the object over
    JdbcOptions options =
        new JdbcOptions(100, Duration.ofHours(1), Fixtures.clock(), new Random(42));
    BlockingQueue<WatchEvent> events = new LinkedBlockingQueue<>();
    try (JdbcStore store = Stores.open(dir.resolve("s.db").toString(), options);
        Watch w = store.watch(Workflow.class, "ns", null, events::add)) {
      Workflow wf = store.create(Fixtures.workflow("ns", "wf"));
      assertThat(events.poll(10, TimeUnit.SECONDS)).isNotNull();

      Workflow patched = store.patchStatus(wf, StatusPatch.between(null, run().get(1)), null);

      WatchEvent e = events.poll(10, TimeUnit.SECONDS);
      assertThat(e).isNotNull();
      assertThat(e.object()).isSameAs(patched);
    }
  }
}
