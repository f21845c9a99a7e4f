package dev.weft.store;

import static dev.weft.store.StoreStatusPatchContract.node;
import static dev.weft.store.StoreStatusPatchContract.status;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.ObjectMeta;
import dev.weft.model.Workflow;
import dev.weft.model.codec.Codec;
import dev.weft.model.status.NodePhase;
import dev.weft.model.status.StatusPatch;
import dev.weft.model.status.WorkflowPhase;
import dev.weft.model.status.WorkflowStatus;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatusDeltaTest {
  private static final WorkflowStatus BEFORE =
      status(
          WorkflowPhase.RUNNING,
          null,
          node("a", NodePhase.SUCCEEDED),
          node("b", NodePhase.RUNNING),
          node("c", NodePhase.PENDING));
  private static final WorkflowStatus AFTER =
      status(
          WorkflowPhase.RUNNING,
          "b gone",
          node("a", NodePhase.SUCCEEDED),
          node("c", NodePhase.RUNNING),
          node("d", NodePhase.PENDING));

  private static Workflow at(long version, WorkflowStatus status) {
    ObjectMeta meta = StatusDelta.atVersion(Fixtures.meta("ns", "wf"), version);
    return Fixtures.workflow("ns", "wf").withMetadata(meta).withStatus(status);
  }

  private static StatusDelta delta() {
    Workflow current = at(4, BEFORE);
    StatusPatch patch = StatusPatch.between(BEFORE, AFTER);
    Workflow next =
        current
            .withMetadata(StatusDelta.atVersion(current.metadata(), 5))
            .withStatus(patch.applyTo(BEFORE));
    return StatusDelta.of(current, next, patch);
  }

  @Test
  void applyMovesTheBaseToThePatchedWorkflow() {
    assertThat(Codec.toJson(delta().apply(at(4, BEFORE)))).isEqualTo(Codec.toJson(at(5, AFTER)));
  }

  @Test
  void undoRestoresRemovedNodesInTheirPlaces() {
    Workflow back = delta().undo(at(5, AFTER));

    assertThat(back.status().nodes().keySet()).containsExactly("a", "b", "c");
    assertThat(Codec.toJson(back)).isEqualTo(Codec.toJson(at(4, BEFORE)));
  }

  @Test
  void undoOfTheFirstStatusLeavesNoStatus() {
    Workflow current = at(1, null);
    StatusPatch patch = StatusPatch.between(null, AFTER);
    Workflow next =
        current.withMetadata(StatusDelta.atVersion(current.metadata(), 2)).withStatus(AFTER);

    assertThat(StatusDelta.of(current, next, patch).undo(next).status()).isNull();
  }

  @Test
  void theStoredJsonHoldsOnlyTheChangeAndReadsBackEqual() {
    StatusDelta delta = delta();
    String json = StoreCodec.json(delta);

    assertThat(StoreCodec.read(json, StatusDelta.class)).isEqualTo(delta);
    assertThat(delta.nodes().keySet()).containsExactly("c", "d");
    assertThat(delta.nodesBefore()).containsOnlyKeys("b", "c");
    assertThat(delta.added()).containsExactly("d");
    assertThat(delta.removed()).containsExactly("b");
    assertThat(json).doesNotContain("\"wf.a\"");
  }

  @Test
  void aPatchWithoutHeaderChangeKeepsNoHeader() {
    WorkflowStatus later =
        status(
            WorkflowPhase.RUNNING,
            null,
            node("a", NodePhase.SUCCEEDED),
            node("b", NodePhase.SUCCEEDED),
            node("c", NodePhase.PENDING));
    Workflow current = at(4, BEFORE);
    StatusPatch patch = StatusPatch.between(BEFORE, later);
    Workflow next =
        current.withMetadata(StatusDelta.atVersion(current.metadata(), 5)).withStatus(later);

    StatusDelta delta = StatusDelta.of(current, next, patch);

    assertThat(delta.headerChanged()).isFalse();
    assertThat(delta.header()).isNull();
    assertThat(Map.copyOf(delta.apply(current).status().nodes()))
        .isEqualTo(Map.copyOf(later.nodes()));
  }
}
