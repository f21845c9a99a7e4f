package dev.weft.model.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatusPatchTest {
  private static NodeStatus node(String id, NodePhase phase) {
    return new NodeStatus(
        id,
        "wf." + id,
        id,
        NodeType.Pod,
        "t",
        null,
        null,
        phase,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  private static WorkflowStatus status(WorkflowPhase phase, NodeStatus... nodes) {
    Map<String, NodeStatus> map = new LinkedHashMap<>();
    for (NodeStatus n : nodes) map.put(n.id(), n);
    return new WorkflowStatus(
        phase, null, null, null, null, map, null, null, null, null, null, null);
  }

  @Test
  void anUnchangedStatusGivesAnEmptyPatch() {
    WorkflowStatus s = status(WorkflowPhase.RUNNING, node("a", NodePhase.RUNNING));
    assertThat(StatusPatch.between(s, s).isEmpty()).isTrue();
  }

  @Test
  void anEqualButNotIdenticalNodeIsNotChanged() {
    WorkflowStatus before = status(WorkflowPhase.RUNNING, node("a", NodePhase.RUNNING));
    WorkflowStatus after = status(WorkflowPhase.RUNNING, node("a", NodePhase.RUNNING));
    assertThat(StatusPatch.between(before, after).isEmpty()).isTrue();
  }

  @Test
  void carriesOnlyTheAddedAndChangedNodes() {
    NodeStatus a = node("a", NodePhase.SUCCEEDED);
    WorkflowStatus before = status(WorkflowPhase.RUNNING, a, node("b", NodePhase.RUNNING));
    WorkflowStatus after =
        status(
            WorkflowPhase.RUNNING, a, node("b", NodePhase.SUCCEEDED), node("c", NodePhase.PENDING));
    StatusPatch p = StatusPatch.between(before, after);
    assertThat(p.changed()).containsOnlyKeys("b", "c");
    assertThat(p.headerChanged()).isFalse();
    assertThat(p.removed()).isEmpty();
  }

  @Test
  void applyingThePatchGivesTheNewStatusInItsNodeOrder() {
    NodeStatus a = node("a", NodePhase.SUCCEEDED);
    WorkflowStatus before = status(WorkflowPhase.RUNNING, a, node("b", NodePhase.RUNNING));
    WorkflowStatus after =
        status(
            WorkflowPhase.SUCCEEDED,
            a,
            node("b", NodePhase.SUCCEEDED),
            node("c", NodePhase.PENDING));
    WorkflowStatus applied = StatusPatch.between(before, after).applyTo(before);
    assertThat(applied).isEqualTo(after);
    assertThat(applied.nodes().keySet()).containsExactly("a", "b", "c");
  }

  @Test
  void removedNodesAreDropped() {
    WorkflowStatus before =
        status(WorkflowPhase.RUNNING, node("a", NodePhase.RUNNING), node("b", NodePhase.RUNNING));
    WorkflowStatus after = status(WorkflowPhase.ERROR, node("a", NodePhase.ERROR));
    StatusPatch p = StatusPatch.between(before, after);
    assertThat(p.removed()).containsExactly("b");
    assertThat(p.applyTo(before)).isEqualTo(after);
  }

  @Test
  void aHeaderChangeAloneIsAChange() {
    WorkflowStatus before = status(WorkflowPhase.RUNNING);
    WorkflowStatus after =
        new WorkflowStatus(
            WorkflowPhase.RUNNING,
            Instant.EPOCH,
            null,
            "0/1",
            null,
            Map.of(),
            null,
            null,
            null,
            null,
            null,
            null);
    StatusPatch p = StatusPatch.between(before, after);
    assertThat(p.headerChanged()).isTrue();
    assertThat(p.applyTo(before)).isEqualTo(after);
  }

  @Test
  void aStatusWithoutANodesFieldKeepsItAbsent() {
    WorkflowStatus none =
        new WorkflowStatus(
            WorkflowPhase.PENDING,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null);
    assertThat(StatusPatch.between(WorkflowStatus.empty(), none).applyTo(WorkflowStatus.empty()))
        .isEqualTo(none);
    assertThat(StatusPatch.between(none, WorkflowStatus.empty()).applyTo(none).nodes()).isEmpty();
  }

  @Test
  void theAppliedNodeMapCannotBeModified() {
    WorkflowStatus after = status(WorkflowPhase.RUNNING, node("a", NodePhase.RUNNING));
    WorkflowStatus applied = StatusPatch.between(null, after).applyTo(null);
    assertThatThrownBy(() -> applied.nodes().put("x", node("x", NodePhase.PENDING)))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void aHeaderWithNodesIsRefused() {
    assertThatThrownBy(
            () ->
                new StatusPatch(
                    status(WorkflowPhase.RUNNING, node("a", NodePhase.RUNNING)),
                    true,
                    Map.of(),
                    List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
