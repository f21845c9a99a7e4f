package dev.weft.controller.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.engine.event.Event;
import dev.weft.model.Workflow;
import dev.weft.model.codec.Codec;
import dev.weft.model.status.NodePhase;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PendingResumesTest {
  private static ObjectNode stored(String uid) {
    ObjectNode tree = Codec.json().createObjectNode();
    tree.put("apiVersion", "argoproj.io/v1alpha1").put("kind", "Workflow");
    tree.putObject("metadata").put("name", "w").put("namespace", "default").put("uid", uid);
    tree.putObject("spec").put("entrypoint", "main");
    return tree;
  }

  private static Workflow workflow(ObjectNode tree) {
    return Codec.convert(tree, Workflow.class);
  }

  @Test
  void aResumeWrittenToTheWorkflowIsPending() {
    ObjectNode tree = stored("uid-1");
    PendingResumes.add(tree, new Event.Resume("w.approve", Map.of("ok", "yes"), null, null));

    assertThat(PendingResumes.of(workflow(tree)))
        .containsExactly(new Event.Resume("w.approve", Map.of("ok", "yes"), null, null));
  }

  @Test
  void anAnnotationSubmittedWithAWorkflowIsNoResume() {
    // Written for another uid, as a user (or a resubmit copying the annotation) would bring it.
    ObjectNode elsewhere = stored("uid-old");
    PendingResumes.add(elsewhere, new Event.Resume("w.approve", Map.of(), NodePhase.SUCCEEDED, ""));
    ObjectNode submitted = stored("uid-new");
    submitted
        .withObject("metadata")
        .set("annotations", elsewhere.path("metadata").path("annotations"));

    assertThat(PendingResumes.of(workflow(submitted))).isEmpty();
  }

  @Test
  void anEntryWithAPhaseWeftNeverWritesIsIgnored() {
    ObjectNode tree = stored("uid-1");
    tree.withObject("metadata")
        .withObject("annotations")
        .put(
            PendingResumes.ANNOTATION,
            "[{\"uid\":\"uid-1\",\"node\":\"w.a\",\"phase\":\"Bogus\"}]");

    assertThat(PendingResumes.of(workflow(tree))).isEmpty();
  }
}
