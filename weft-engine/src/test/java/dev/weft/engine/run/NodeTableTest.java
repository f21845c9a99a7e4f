package dev.weft.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.status.NodePhase;
import dev.weft.model.status.NodeStatus;
import dev.weft.model.status.NodeType;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NodeTableTest {
  private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

  private static NodeStatus node(String id, NodePhase phase) {
    return NodeStatus.builder(id, id, NodeType.Pod)
        .phase(phase)
        .startedAt(T)
        .finishedAt(phase.fulfilled() ? T : null)
        .build();
  }

  private final Map<String, NodeStatus> input = new LinkedHashMap<>();

  {
    input.put("a", node("a", NodePhase.SUCCEEDED));
    input.put("b", node("b", NodePhase.RUNNING));
  }

  @Test
  void theInputMapIsNeitherCopiedNorChanged() {
    NodeTable nodes = new NodeTable("wf", input);

    nodes.mark("b", NodePhase.SUCCEEDED, null, T);

    assertThat(input.get("b").phase()).isEqualTo(NodePhase.RUNNING);
    assertThat(nodes.byId("b").phase()).isEqualTo(NodePhase.SUCCEEDED);
  }

  @Test
  void anUpdateThatChangesNothingKeepsTheInputInstance() {
    NodeTable nodes = new NodeTable("wf", input);

    NodeStatus same = nodes.mark("a", NodePhase.SUCCEEDED, null, T.plusSeconds(5));

    assertThat(same).isSameAs(input.get("a"));
    assertThat(nodes.changed("a")).isFalse();
    assertThat(nodes.snapshot().get("a")).isSameAs(input.get("a"));
  }

  @Test
  void aNodeChangedBackToTheInputGetsTheInputInstanceBack() {
    NodeTable nodes = new NodeTable("wf", input);

    nodes.update("b", n -> n.toBuilder().message("busy").build());
    nodes.update("b", n -> n.toBuilder().message(null).build());

    assertThat(nodes.changed("b")).isFalse();
    assertThat(nodes.snapshot().get("b")).isSameAs(input.get("b"));
  }

  @Test
  void aPassChangedSomethingOnlyWhenANodeDiffersFromBeforeThePass() {
    NodeTable nodes = new NodeTable("wf", input);
    nodes.mark();
    nodes.update("b", n -> n.toBuilder().message("busy").build());
    nodes.update("b", n -> n.toBuilder().message(null).build());
    assertThat(nodes.changedSinceMark()).isFalse();

    nodes.mark();
    nodes.mark("b", NodePhase.FAILED, "boom", T);
    assertThat(nodes.changedSinceMark()).isTrue();

    nodes.mark();
    nodes.create("c", NodeType.Pod, "t", "local/wf", null, NodePhase.PENDING, null, T);
    assertThat(nodes.changedSinceMark()).isTrue();
  }

  @Test
  void theOutputKeepsTheInputOrderThenCreationOrder() {
    NodeTable nodes = new NodeTable("wf", input);
    String c = nodes.create("c", NodeType.Pod, "t", "s", null, NodePhase.PENDING, null, T).id();
    nodes.mark("a", NodePhase.FAILED, "later", T);

    assertThat(nodes.snapshot().keySet()).containsExactly("a", "b", c);
    assertThat(nodes.all()).extracting(NodeStatus::id).containsExactly("a", "b", c);
    assertThat(nodes.size()).isEqualTo(3);
  }

  @Test
  void aChildIsAddedOnceEvenToAWideParent() {
    NodeTable nodes = new NodeTable("wf", input);
    for (int i = 0; i < 20; i++) nodes.addChild("b", "child" + i);
    for (int i = 0; i < 20; i++) nodes.addChild("b", "child" + i);

    assertThat(nodes.byId("b").childrenOrEmpty()).hasSize(20).doesNotHaveDuplicates();
    assertThat(nodes.byId("b").childrenOrEmpty().subList(0, 2))
        .isEqualTo(List.of("child0", "child1"));
  }
}
