package dev.weft.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.model.ConfigMap;
import dev.weft.model.Workflow;
import dev.weft.model.codec.Codec;
import dev.weft.model.status.NodePhase;
import dev.weft.model.status.NodeStatus;
import dev.weft.model.status.NodeType;
import dev.weft.model.status.StatusPatch;
import dev.weft.model.status.WorkflowPhase;
import dev.weft.model.status.WorkflowStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link Store#patchStatus} for every store: one new version with the labels, the
 * usual version rules, and readers (get, list, watch live and from an old version) seeing the whole
 * workflow exactly as a whole-status update would have stored it.
 */
abstract class StoreStatusPatchContract extends StoreContract {
  protected Store store;
  private final BlockingQueue<WatchEvent> events = new LinkedBlockingQueue<>();

  @BeforeEach
  void openStore() {
    store = newStore();
  }

  static NodeStatus node(String id, NodePhase phase) {
    return NodeStatus.builder(id, "wf." + id, NodeType.Pod).phase(phase).build();
  }

  static WorkflowStatus status(WorkflowPhase phase, String message, NodeStatus... nodes) {
    Map<String, NodeStatus> all = new LinkedHashMap<>();
    for (NodeStatus n : nodes) {
      all.put(n.id(), n);
    }
    return new WorkflowStatus(
        phase, null, null, null, message, all, null, null, null, null, null, null);
  }

  /** The statuses a run goes through: nodes added, changed, removed, one re-added at the end. */
  static List<WorkflowStatus> run() {
    return List.of(
        status(WorkflowPhase.RUNNING, null, node("a", NodePhase.PENDING)),
        status(
            WorkflowPhase.RUNNING,
            null,
            node("a", NodePhase.RUNNING),
            node("b", NodePhase.PENDING),
            node("c", NodePhase.PENDING)),
        status(
            WorkflowPhase.RUNNING,
            "half",
            node("a", NodePhase.SUCCEEDED),
            node("b", NodePhase.PENDING),
            node("c", NodePhase.RUNNING)),
        status(
            WorkflowPhase.RUNNING,
            "half",
            node("a", NodePhase.SUCCEEDED),
            node("c", NodePhase.RUNNING)),
        status(
            WorkflowPhase.SUCCEEDED,
            "done",
            node("a", NodePhase.SUCCEEDED),
            node("c", NodePhase.SUCCEEDED),
            node("b", NodePhase.SUCCEEDED)));
  }

  /** Patches {@code wf} through {@link #run}; the results, in order. */
  protected List<Workflow> patchThroughRun(Workflow wf) {
    List<Workflow> results = new ArrayList<>();
    Workflow current = wf;
    for (WorkflowStatus next : run()) {
      current = store.patchStatus(current, StatusPatch.between(current.status(), next), null);
      results.add(current);
    }
    return results;
  }

  private Workflow created(String name) {
    return store.create(Fixtures.workflow("ns", name));
  }

  private static String json(Object o) {
    return Codec.toJson(o);
  }

  @Test
  void patchMakesOneNewVersionWithTheWholeStatus() {
    Workflow wf = created("wf");
    WorkflowStatus next = run().get(1);

    Workflow patched = store.patchStatus(wf, StatusPatch.between(null, next), null);

    assertThat(patched.metadata().resourceVersion()).isEqualTo("2");
    assertThat(json(patched.status())).isEqualTo(json(next));
    assertThat(json(store.get(Workflow.class, "ns", "wf").orElseThrow())).isEqualTo(json(patched));
  }

  @Test
  void aNodeOfAWorkflowWithTheLongestNameIsStored() {
    String name = "w".repeat(253);
    Workflow wf = created(name);
    // the engine's node ids are the workflow's name, '-' and a hash of up to 10 digits
    String id = name + "-4294967295";
    WorkflowStatus next = status(WorkflowPhase.RUNNING, null, node(id, NodePhase.PENDING));

    store.patchStatus(wf, StatusPatch.between(null, next), null);

    assertThat(store.get(Workflow.class, "ns", name).orElseThrow().status().nodes())
        .containsOnlyKeys(id);
  }

  @Test
  void patchOnAStaleVersionIsAConflict() {
    Workflow wf = created("wf");
    store.patchStatus(wf, StatusPatch.between(null, run().get(0)), null);

    assertThatThrownBy(() -> store.patchStatus(wf, StatusPatch.between(null, run().get(1)), null))
        .isInstanceOf(StoreException.Conflict.class);
  }

  @Test
  void patchOfAMissingWorkflowIsNotFound() {
    Workflow wf = created("wf");
    store.delete(Workflow.class, "ns", "wf");

    assertThatThrownBy(() -> store.patchStatus(wf, StatusPatch.between(null, run().get(0)), null))
        .isInstanceOf(StoreException.NotFound.class);
  }

  @Test
  void labelsAreSetInTheSameVersion() {
    Workflow wf = created("wf");

    Workflow patched =
        store.patchStatus(
            wf,
            StatusPatch.between(null, run().get(0)),
            Map.of("workflows.argoproj.io/phase", "Running"));

    Workflow stored = store.get(Workflow.class, "ns", "wf").orElseThrow();
    assertThat(stored.metadata().resourceVersion()).isEqualTo("2");
    assertThat(stored.metadata().labels()).containsEntry("workflows.argoproj.io/phase", "Running");
    assertThat(json(stored)).isEqualTo(json(patched));
  }

  @Test
  void getAndListSeeWhatAWholeStatusUpdateWouldHaveStored() {
    Workflow patched = patchThroughRun(created("patched")).getLast();
    Workflow updated = created("updated");
    for (WorkflowStatus s : run()) {
      updated = store.updateStatus(updated.withStatus(s));
    }

    Workflow got = store.get(Workflow.class, "ns", "patched").orElseThrow();
    assertThat(json(got.status())).isEqualTo(json(updated.status()));
    assertThat(List.copyOf(got.status().nodes().keySet())).containsExactly("a", "c", "b");
    assertThat(json(got)).isEqualTo(json(patched));
    List<Workflow> listed = store.list(Workflow.class, "ns", null);
    assertThat(listed).extracting(w -> json(w.status())).containsOnly(json(updated.status()));
  }

  @Test
  void aLiveWatchSeesTheWholeWorkflowAtEveryVersion() throws Exception {
    Workflow wf = created("wf");
    try (Watch w = store.watch(Workflow.class, "ns", null, events::add)) {
      List<Workflow> results = patchThroughRun(wf);

      assertThat(take(results.size()))
          .extracting(e -> json(e.object()))
          .containsExactlyElementsOf(results.stream().map(Codec::toJson).toList());
    }
  }

  @Test
  void aWatchFromAnOldVersionReplaysThePatches() throws Exception {
    Workflow wf = created("wf");
    List<Workflow> results = new ArrayList<>(patchThroughRun(wf));
    Workflow last = results.getLast();
    results.add(store.patchStatus(last, StatusPatch.between(last.status(), run().get(0)), null));
    String from = results.get(1).metadata().resourceVersion();

    try (Watch w = store.watch(Workflow.class, "ns", from, events::add)) {
      assertThat(take(results.size() - 2))
          .extracting(e -> json(e.object()))
          .containsExactlyElementsOf(
              results.subList(2, results.size()).stream().map(Codec::toJson).toList());
    }
  }

  @Test
  void aRecreatedWorkflowHasNoneOfTheDeletedOnesNodes() {
    ConfigMap cm = store.create(Fixtures.configMap("ns", "owner", Map.of()));
    Workflow wf = store.create(Fixtures.ownedBy(Fixtures.workflow("ns", "wf"), cm));
    patchThroughRun(wf);

    store.delete(ConfigMap.class, "ns", "owner");
    Workflow again = created("wf");

    assertThat(store.get(Workflow.class, "ns", "wf").orElseThrow().status()).isNull();
    Workflow patched = store.patchStatus(again, StatusPatch.between(null, run().get(0)), null);
    assertThat(store.get(Workflow.class, "ns", "wf").orElseThrow().status().nodes().keySet())
        .containsExactly("a");
    assertThat(patched.status().nodes()).hasSize(1);
  }

  protected List<WatchEvent> take(int n) throws InterruptedException {
    List<WatchEvent> got = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      WatchEvent e = events.poll(5, TimeUnit.SECONDS);
      assertThat(e).as("event %d of %d", i + 1, n).isNotNull();
      got.add(e);
    }
    return got;
  }
}
