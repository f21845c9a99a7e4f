package dev.weft.store;

import static dev.weft.store.Fixtures.configMap;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.ConfigMap;
import dev.weft.model.Workflow;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of every {@link Store}: finalizers and cascading deletion by ownerReferences. Run by
 * each implementation's test class.
 */
abstract class FinalizerAndCascadeContract extends StoreContract {
  private Store store;

  @BeforeEach
  void openStore() {
    store = newStore();
  }

  @Test
  void deleteOfObjectWithFinalizersOnlyMarksIt() {
    store.create(Fixtures.withFinalizers(Fixtures.workflow("ns", "wf"), "weft.dev/artifacts"));

    store.delete(Workflow.class, "ns", "wf");

    Workflow marked = store.get(Workflow.class, "ns", "wf").orElseThrow();
    assertThat(marked.metadata().deletionTimestamp()).isEqualTo("2024-05-01T10:00:00Z");
    assertThat(marked.metadata().finalizers()).containsExactly("weft.dev/artifacts");
  }

  @Test
  void removingTheLastFinalizerCompletesTheDeletion() {
    store.create(Fixtures.withFinalizers(Fixtures.workflow("ns", "wf"), "a", "b"));
    store.delete(Workflow.class, "ns", "wf");

    Workflow marked = store.get(Workflow.class, "ns", "wf").orElseThrow();
    Workflow oneLeft = store.update(Fixtures.withFinalizers(marked, "b"));
    assertThat(store.get(Workflow.class, "ns", "wf")).isPresent();

    store.update(Fixtures.withFinalizers(oneLeft));
    assertThat(store.get(Workflow.class, "ns", "wf")).isEmpty();
  }

  @Test
  void updateCannotClearTheDeletionTimestamp() {
    store.create(Fixtures.withFinalizers(Fixtures.workflow("ns", "wf"), "a"));
    store.delete(Workflow.class, "ns", "wf");
    Workflow marked = store.get(Workflow.class, "ns", "wf").orElseThrow();

    Workflow updated = store.update(Fixtures.withMeta(marked, "deletionTimestamp", null));

    assertThat(updated.metadata().deletionTimestamp()).isNotNull();
  }

  @Test
  void deletingAnOwnerDeletesWhatItOwns() {
    Workflow owner = store.create(Fixtures.workflow("ns", "wf"));
    store.create(Fixtures.ownedBy(configMap("ns", "owned", Map.of()), owner));
    store.create(configMap("ns", "unrelated", Map.of()));

    store.delete(Workflow.class, "ns", "wf");

    assertThat(store.list(ConfigMap.class, "ns", null))
        .extracting(c -> c.metadata().name())
        .containsExactly("unrelated");
  }

  @Test
  void cascadeWaitsForTheOwnersFinalizers() {
    Workflow owner = store.create(Fixtures.withFinalizers(Fixtures.workflow("ns", "wf"), "a"));
    store.create(Fixtures.ownedBy(configMap("ns", "owned", Map.of()), owner));

    store.delete(Workflow.class, "ns", "wf");
    assertThat(store.get(ConfigMap.class, "ns", "owned")).isPresent();

    Workflow marked = store.get(Workflow.class, "ns", "wf").orElseThrow();
    store.update(Fixtures.withFinalizers(marked));
    assertThat(store.get(ConfigMap.class, "ns", "owned")).isEmpty();
  }

  @Test
  void cascadeIsTransitive() {
    Workflow root = store.create(Fixtures.workflow("ns", "root"));
    Workflow child = store.create(Fixtures.ownedBy(Fixtures.workflow("ns", "child"), root));
    store.create(Fixtures.ownedBy(configMap("ns", "grandchild", Map.of()), child));

    store.delete(Workflow.class, "ns", "root");

    assertThat(store.list(Workflow.class, null, null)).isEmpty();
    assertThat(store.list(ConfigMap.class, null, null)).isEmpty();
  }

  @Test
  void objectWithAnotherLiveOwnerSurvives() {
    Workflow first = store.create(Fixtures.workflow("ns", "first"));
    Workflow second = store.create(Fixtures.workflow("ns", "second"));
    ConfigMap shared = Fixtures.ownedBy(configMap("ns", "shared", Map.of()), first);
    List<Object> refs =
        List.of(
            shared.metadata().ownerReferences().getFirst(),
            Map.of("kind", "Workflow", "name", "second", "uid", second.metadata().uid()));
    store.create(Fixtures.withMeta(shared, "ownerReferences", refs));

    store.delete(Workflow.class, "ns", "first");

    assertThat(store.get(ConfigMap.class, "ns", "shared")).isPresent();
  }
}
