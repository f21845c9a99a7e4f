package dev.weft.controller.provenance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.ClusterWorkflowTemplate;
import dev.weft.model.Workflow;
import dev.weft.model.WorkflowTemplate;
import dev.weft.model.codec.Codec;
import dev.weft.model.status.WorkflowStatus;
import dev.weft.provenance.statement.ResourceDescriptor;
import dev.weft.store.InMemoryStore;
import org.junit.jupiter.api.Test;

class TemplatesUsedTest {
  private final InMemoryStore store = new InMemoryStore();

  private static <T> T yaml(String text, Class<T> type) throws Exception {
    return Codec.convert(Codec.yaml().readTree(text), type);
  }

  private static Workflow workflow(String spec) throws Exception {
    return yaml("metadata: {name: wf, namespace: default}\nspec:\n" + spec, Workflow.class)
        .withStatus(WorkflowStatus.empty());
  }

  @Test
  void templatesReferredToByTheUsedTemplatesAreUsedToo() throws Exception {
    store.create(
        yaml(
            """
            metadata: {name: outer, namespace: default}
            spec:
              templates:
              - name: go
                steps: [[{name: inner, templateRef: {name: shared, template: say, clusterScope: true}}]]
            """,
            WorkflowTemplate.class));
    store.create(
        yaml(
            """
            metadata: {name: shared}
            spec:
              templates: [{name: say, container: {image: alpine, command: [echo]}}]
            """,
            ClusterWorkflowTemplate.class));

    var used =
        new TemplatesUsed(
            workflow(
                """
                  entrypoint: main
                  templates:
                  - name: main
                    steps: [[{name: a, templateRef: {name: outer, template: go}}]]
                """),
            store);

    assertThat(used.dependencies())
        .extracting(ResourceDescriptor::uri)
        .containsExactly(
            "weft:clusterworkflowtemplates/shared", "weft:workflowtemplates/default/outer");
    assertThat(used.dependencies()).allSatisfy(d -> assertThat(d.digest()).containsKey("sha256"));
  }

  @Test
  void aTemplateDeletedSinceTheRunIsNamedWithoutADigest() throws Exception {
    var used = new TemplatesUsed(workflow("  workflowTemplateRef: {name: gone}\n"), store);

    ResourceDescriptor gone = used.dependencies().get(0);
    assertThat(gone.uri()).isEqualTo("weft:workflowtemplates/default/gone");
    assertThat(gone.digest()).isEmpty();
    assertThat(gone.annotations()).containsEntry("weft_source", "missing");
  }
}
