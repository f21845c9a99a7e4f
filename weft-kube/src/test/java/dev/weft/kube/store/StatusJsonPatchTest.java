package dev.weft.kube.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.model.ObjectMeta;
import dev.weft.model.Workflow;
import dev.weft.model.codec.Codec;
import dev.weft.model.status.NodeStatus;
import dev.weft.model.status.StatusPatch;
import dev.weft.model.status.WorkflowPhase;
import dev.weft.model.status.WorkflowStatus;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatusJsonPatchTest {
  private static final Workflow BASE = base();

  @Test
  void appliedToTheStoredFormItGivesTheTargetsStoredForm() {
    Workflow next = changed(BASE);
    StatusJsonPatch patch = build(BASE, next, Map.of("phase", "Succeeded"));
    JsonNode applied = io.fabric8.zjsonpatch.JsonPatch.apply(json(patch.json()), Codec.tree(BASE));
    ObjectNode expected = (ObjectNode) Codec.tree(next.withMetadata(relabelled(BASE, "Succeeded")));
    assertThat(applied).isEqualTo(expected);
  }

  @Test
  void itCarriesNeitherUnchangedNodesNorUnchangedFields() {
    StatusJsonPatch patch = build(BASE, changed(BASE), null);
    List<String> paths = json(patch.json()).findValuesAsText("path");
    assertThat(paths)
        .containsExactlyInAnyOrder(
            "/metadata/resourceVersion",
            "/status/phase",
            "/status/message",
            "/status/finishedAt",
            "/status/nodes/n-1",
            "/status/nodes/n-9",
            "/status/nodes/n-new");
  }

  @Test
  void theSizeChangeIsTheChangeOfTheEncodedWorkflow() {
    Workflow next = changed(BASE).withMetadata(relabelled(BASE, "Succeeded"));
    StatusJsonPatch patch = build(BASE, changed(BASE), Map.of("phase", "Succeeded"));
    long actual = WorkflowSizes.measure(next) - WorkflowSizes.measure(BASE);
    // a member's separating comma is counted whether or not it is the object's last
    assertThat(patch.sizeChange()).isBetween(actual - 3, actual + 3);
  }

  @Test
  void eachWrittenNodeHasItsEncodedSize() {
    Workflow next = changed(BASE);
    StatusJsonPatch patch = build(BASE, next, null);
    assertThat(patch.nodeSizes()).containsOnlyKeys("n-1", "n-new");
    assertThat(patch.nodeSizes().get("n-new"))
        .isEqualTo(WorkflowSizes.measure(next.status().nodes().get("n-new")));
  }

  private static StatusJsonPatch build(Workflow from, Workflow to, Map<String, String> labels) {
    return StatusJsonPatch.build(
        from,
        StatusPatch.between(from.status(), to.status()),
        labels,
        (id, node) -> WorkflowSizes.measure(node));
  }

  /** Phase, message and finishedAt changed; n-1 changed, n-9 removed, n-new added. */
  private static Workflow changed(Workflow wf) {
    WorkflowStatus s = wf.status();
    Map<String, NodeStatus> nodes = new LinkedHashMap<>(s.nodes());
    nodes.put("n-1", node("n-1", "Succeeded"));
    nodes.remove("n-9");
    nodes.put("n-new", node("n-new", "Pending"));
    return wf.withStatus(
        new WorkflowStatus(
            WorkflowPhase.SUCCEEDED,
            s.startedAt(),
            Instant.parse("2026-12-06T15:00:00Z"),
            s.progress(),
            "done",
            nodes,
            s.outputs(),
            s.conditions(),
            s.persistentVolumeClaims(),
            s.storedTemplates(),
            s.storedWorkflowTemplateSpec(),
            s.synchronization()));
  }

  private static Workflow base() {
    Map<String, NodeStatus> nodes = new LinkedHashMap<>();
    for (int i = 0; i < 10; i++) nodes.put("n-" + i, node("n-" + i, "Running"));
    WorkflowStatus status =
        new WorkflowStatus(
            WorkflowPhase.RUNNING,
            Instant.parse("2026-12-06T14:00:00Z"),
            null,
            "3/10",
            null,
            nodes,
            null,
            null,
            null,
            null,
            null,
            null);
    ObjectMeta meta =
        new ObjectMeta(
            "wf",
            null,
            "default",
            Map.of("phase", "Running", "kept", "yes"),
            null,
            "u-1",
            "42",
            1L,
            null,
            null,
            null,
            null);
    return new Workflow("argoproj.io/v1alpha1", "Workflow", meta, null, status);
  }

  private static ObjectMeta relabelled(Workflow wf, String phase) {
    // the patch's labels replace the map: "kept" is dropped
    return wf.metadata().withLabels(Map.of("phase", phase));
  }

  private static NodeStatus node(String id, String phase) {
    return Codec.convert(
        Map.of("id", id, "name", "wf(" + id + ")", "phase", phase, "children", List.of("c-" + id)),
        NodeStatus.class);
  }

  private static JsonNode json(String text) {
    try {
      return Codec.json().readTree(text);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
