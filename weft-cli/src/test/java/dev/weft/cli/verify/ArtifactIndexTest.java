package dev.weft.cli.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ArtifactIndexTest {
  /** wf -> [0] -> produce (output "out"), and a second "produce" in [1] with its own "out". */
  private static final String WORKFLOW =
      """
      {"metadata": {"namespace": "default", "name": "wf"},
       "status": {"nodes": {
         "wf": {"id": "wf", "name": "wf", "displayName": "wf", "children": ["wf-1", "wf-3"]},
         "wf-1": {"id": "wf-1", "name": "wf[0]", "displayName": "[0]", "children": ["wf-2"]},
         "wf-2": {"id": "wf-2", "name": "wf[0].produce", "displayName": "produce",
                  "outputs": {"artifacts": [{"name": "out"}]}},
         "wf-3": {"id": "wf-3", "name": "wf[1]", "displayName": "[1]", "children": ["wf-4"]},
         "wf-4": {"id": "wf-4", "name": "wf[1].produce", "displayName": "produce",
                  "outputs": {"artifacts": [{"name": "out"}]}}}}}
      """;

  private final ArtifactIndex index;

  ArtifactIndexTest() throws Exception {
    index = new ArtifactIndex(new ObjectMapper().readTree(WORKFLOW));
  }

  private String nodeOf(String subject) {
    return index.locate(subject).map(ArtifactIndex.Output::nodeId).orElse(null);
  }

  @Test
  void aNodeIsFoundByItsName() {
    assertThat(nodeOf("default/wf/wf[0].produce/out")).isEqualTo("wf-2");
  }

  @Test
  void aNodeIsFoundByItsPathOfDisplayNames() {
    assertThat(nodeOf("default/wf/wf/[1]/produce/out")).isEqualTo("wf-4");
  }

  @Test
  void aNodeIsFoundByItsId() {
    assertThat(nodeOf("default/wf/wf-4/out")).isEqualTo("wf-4");
  }

  @Test
  void aDisplayNameTwoNodesShareLocatesNothing() {
    assertThat(nodeOf("default/wf/produce/out")).isNull();
  }

  @Test
  void anotherWorkflowsSubjectLocatesNothing() {
    assertThat(nodeOf("default/other/wf[0].produce/out")).isNull();
  }

  @Test
  void anArtifactTheNodeDoesNotOutputLocatesNothing() {
    assertThat(nodeOf("default/wf/wf[0].produce/missing")).isNull();
  }
}
