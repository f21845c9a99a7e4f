package dev.weft.controller.provenance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.status.NodeStatus;
import dev.weft.model.status.NodeType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DisplayPathsTest {
  private static NodeStatus node(
      String id, String display, NodeType type, String boundary, String... children) {
    return NodeStatus.builder(id, id, type)
        .displayName(display)
        .boundaryID(boundary)
        .children(List.of(children))
        .build();
  }

  @Test
  void aStepsPathRunsThroughItsGroupAndARetriedPodThroughItsRetryNode() {
    Map<String, NodeStatus> nodes = new LinkedHashMap<>();
    nodes.put("wf", node("wf", "wf", NodeType.Steps, null, "g0"));
    nodes.put("g0", node("g0", "[0]", NodeType.StepGroup, "wf", "r"));
    nodes.put("r", node("r", "make", NodeType.Retry, "wf", "p"));
    nodes.put("p", node("p", "make(0)", NodeType.Pod, "wf"));

    assertThat(new DisplayPaths(nodes).of("p")).isEqualTo("wf/[0]/make/make(0)");
  }

  @Test
  void aDagTasksDependentsAreNotItsParts() {
    Map<String, NodeStatus> nodes = new LinkedHashMap<>();
    nodes.put("wf", node("wf", "wf", NodeType.DAG, null, "a"));
    nodes.put("a", node("a", "a", NodeType.Pod, "wf", "b"));
    nodes.put("b", node("b", "b", NodeType.Pod, "wf"));

    assertThat(new DisplayPaths(nodes).of("b")).isEqualTo("wf/b");
  }

  @Test
  void aSlashInALoopItemStaysInsideItsSegment() {
    Map<String, NodeStatus> nodes = new LinkedHashMap<>();
    nodes.put("wf", node("wf", "wf", NodeType.DAG, null, "x"));
    nodes.put("x", node("x", "get(0:a/b%)", NodeType.Pod, "wf"));

    assertThat(new DisplayPaths(nodes).of("x")).isEqualTo("wf/get(0:a%2Fb%25)");
  }
}
