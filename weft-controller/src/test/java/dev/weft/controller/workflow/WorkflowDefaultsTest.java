package dev.weft.controller.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.Workflow;
import dev.weft.model.codec.Codec;
import org.junit.jupiter.api.Test;

class WorkflowDefaultsTest {
  private static Workflow workflow(String yaml) throws Exception {
    return Codec.yaml().readValue(yaml, Workflow.class);
  }

  private static final WorkflowDefaults DEFAULTS;

  static {
    try {
      DEFAULTS =
          new WorkflowDefaults(
              Codec.yaml()
                  .readTree(
                      """
                      metadata: {labels: {team: platform, tier: batch}}
                      spec:
                        serviceAccountName: robot
                        podGC: {strategy: OnPodSuccess}
                        activeDeadlineSeconds: 3600
                      """));
    } catch (Exception e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  @Test
  void whatAWorkflowLeavesUnsetComesFromTheDefaults() throws Exception {
    Workflow wf =
        DEFAULTS.apply(
            workflow(
                """
                metadata: {name: w}
                spec: {entrypoint: main, templates: [{name: main, container: {image: alpine}}]}
                """));
    assertThat(wf.spec().serviceAccountName()).isEqualTo("robot");
    assertThat(wf.spec().podGC()).isNotNull();
    assertThat(wf.metadata().labelsOrEmpty()).containsEntry("team", "platform");
  }

  @Test
  void whatAWorkflowSetsItselfWins() throws Exception {
    Workflow wf =
        DEFAULTS.apply(
            workflow(
                """
                metadata: {name: w, labels: {team: data}}
                spec:
                  entrypoint: main
                  serviceAccountName: mine
                  templates: [{name: main, container: {image: alpine}}]
                """));
    assertThat(wf.spec().serviceAccountName()).isEqualTo("mine");
    assertThat(wf.metadata().labelsOrEmpty())
        .containsEntry("team", "data")
        .containsEntry("tier", "batch");
  }

  @Test
  void noDefaultsLeaveTheWorkflowAsItIs() throws Exception {
    Workflow wf = workflow("metadata: {name: w}\nspec: {entrypoint: main}\n");
    assertThat(WorkflowDefaults.NONE.apply(wf)).isSameAs(wf);
  }
}
