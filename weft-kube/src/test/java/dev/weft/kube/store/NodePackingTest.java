package dev.weft.kube.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.model.codec.Codec;
import org.junit.jupiter.api.Test;

class NodePackingTest {
  private static ObjectNode workflow(int nodes) {
    ObjectNode wf = Codec.json().createObjectNode();
    wf.putObject("metadata").put("name", "big");
    ObjectNode n = wf.putObject("status").put("phase", "Running").putObject("nodes");
    for (int i = 0; i < nodes; i++) {
      n.putObject("big-" + i)
          .put("id", "big-" + i)
          .put("phase", "Succeeded")
          .put("name", "step " + i);
    }
    return wf;
  }

  @Test
  void aSmallWorkflowIsStoredAsItIs() {
    ObjectNode wf = workflow(3);
    assertThat(NodePacking.pack(wf, NodePacking.DEFAULT_LIMIT)).isSameAs(wf);
  }

  @Test
  void aWorkflowOverTheLimitHasItsNodesCompressedAsArgoDoes() {
    ObjectNode wf = workflow(2000);
    ObjectNode packed = NodePacking.pack(wf, 20_000);
    assertThat(packed.path("status").has("nodes")).isFalse();
    assertThat(packed.path("status").path("compressedNodes").asText()).isNotEmpty();
    assertThat(NodePacking.size(packed)).isLessThan(NodePacking.size(wf));
  }

  @Test
  void compressedNodesAreReadBackWhole() {
    ObjectNode wf = workflow(2000);
    assertThat(NodePacking.unpack(NodePacking.pack(wf, 20_000))).isEqualTo(wf);
  }
}
