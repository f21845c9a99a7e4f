package dev.weft.store;

import static dev.weft.store.StoreStatusPatchContract.node;
import static dev.weft.store.StoreStatusPatchContract.status;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.Workflow;
import dev.weft.model.status.NodePhase;
import dev.weft.model.status.StatusPatch;
import dev.weft.model.status.WorkflowPhase;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A workflow a store hands out is the caller's to change: what one caller does to the object it got
 * must not reach what the store hands the next caller (before the typed caches, every read decoded
 * a copy of its own).
 */
class SharedWorkflowIsolationTest {
  @TempDir Path dir;

  private static Workflow labelled() {
    return Fixtures.parse(
        """
        {"apiVersion": "argoproj.io/v1alpha1", "kind": "Workflow",
         "metadata": {"name": "wf", "namespace": "ns", "labels": {"team": "a"}},
         "spec": {"entrypoint": "main", "templates": [{"name": "main"}]}}
        """,
        Workflow.class);
  }

  /** Changes the labels of {@code wf} as a careless caller would; refused is fine too. */
  private static void scribble(Workflow wf) {
    try {
      wf.metadata().labels().put("team", "scribbled");
    } catch (UnsupportedOperationException refused) {
      // an unmodifiable map keeps the shared object safe
    }
  }

  @Test
  void aChangeToAWorkflowReadFromSqliteDoesNotReachTheNextRead() {
    try (JdbcStore store = Fixtures.sqlite(dir.resolve("s.db"), 100)) {
      store.create(labelled());

      scribble(store.get(Workflow.class, "ns", "wf").orElseThrow());

      assertThat(store.get(Workflow.class, "ns", "wf").orElseThrow().metadata().labels())
          .containsEntry("team", "a");
    }
  }

  @Test
  void aChangeToTheWorkflowAPatchWasGivenDoesNotReachTheNextReadOfSqlite() {
    try (JdbcStore store = Fixtures.sqlite(dir.resolve("s.db"), 100)) {
      Workflow wf = store.create(labelled());
      store.patchStatus(
          wf,
          StatusPatch.between(
              null, status(WorkflowPhase.RUNNING, null, node("n", NodePhase.RUNNING))),
          null);

      scribble(wf);

      assertThat(store.get(Workflow.class, "ns", "wf").orElseThrow().metadata().labels())
          .containsEntry("team", "a");
    }
  }

  @Test
  void aChangeToTheWorkflowAPatchWasGivenDoesNotReachTheInMemoryStore() {
    InMemoryStore store = new InMemoryStore();
    Workflow wf = store.create(labelled());
    store.patchStatus(
        wf,
        StatusPatch.between(
            null, status(WorkflowPhase.RUNNING, null, node("n", NodePhase.RUNNING))),
        null);

    scribble(wf);

    assertThat(store.get(Workflow.class, "ns", "wf").orElseThrow().metadata().labels())
        .containsEntry("team", "a");
  }
}
