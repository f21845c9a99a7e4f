package dev.weft.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateRefTest {
  @TempDir Path dir;

  private static final String LIBRARY =
      """
      apiVersion: argoproj.io/v1alpha1
      kind: WorkflowTemplate
      metadata:
        name: lib
      spec:
        templates:
          - name: echo
            container: {image: alpine}
      ---
      apiVersion: argoproj.io/v1alpha1
      kind: ClusterWorkflowTemplate
      metadata:
        name: cluster-lib
      spec:
        templates:
          - name: say
            container: {image: alpine}
      """;

  private static String workflowCalling(String ref) {
    return """
        apiVersion: argoproj.io/v1alpha1
        kind: Workflow
        metadata:
          name: w
        spec:
          entrypoint: main
          templates:
            - name: main
              steps:
                - - name: call
                    templateRef: %s
        """
        .formatted(ref);
  }

  @Test
  void aTemplateRefResolvesFromAnotherFile() {
    var lint =
        Lint.in(dir)
            .file("lib.yaml", LIBRARY)
            .file("wf.yaml", workflowCalling("{name: lib, template: echo}"));
    assertThat(lint.all()).isEmpty();
  }

  @Test
  void aTemplateRefToAMissingWorkflowTemplateIsAnError() {
    var lint =
        Lint.in(dir)
            .file("lib.yaml", LIBRARY)
            .file("wf.yaml", workflowCalling("{name: libz, template: echo}"));
    assertThat(lint.errors())
        .containsExactly(
            "wf.yaml:11:27: error: spec.templates[0].steps[0][0].templateRef.name: no"
                + " WorkflowTemplate named \"libz\"");
  }

  @Test
  void aTemplateRefToATemplateTheWorkflowTemplateLacksIsAnError() {
    var lint =
        Lint.in(dir)
            .file("lib.yaml", LIBRARY)
            .file("wf.yaml", workflowCalling("{name: lib, template: shout}"));
    assertThat(lint.errors())
        .containsExactly(
            "wf.yaml:11:38: error: spec.templates[0].steps[0][0].templateRef.template:"
                + " WorkflowTemplate \"lib\" has no template named \"shout\"");
  }

  @Test
  void clusterScopeLooksUpClusterWorkflowTemplates() {
    var lint =
        Lint.in(dir)
            .file("lib.yaml", LIBRARY)
            .file("wf.yaml", workflowCalling("{name: lib, template: echo, clusterScope: true}"));
    assertThat(lint.errors())
        .containsExactly(
            "wf.yaml:11:27: error: spec.templates[0].steps[0][0].templateRef.name: no"
                + " ClusterWorkflowTemplate named \"lib\"");
  }

  @Test
  void aClusterTemplateRefResolves() {
    var lint =
        Lint.in(dir)
            .file("lib.yaml", LIBRARY)
            .file(
                "wf.yaml",
                workflowCalling("{name: cluster-lib, template: say, clusterScope: true}"));
    assertThat(lint.all()).isEmpty();
  }

  @Test
  void aWorkflowTemplateRefToAMissingTemplateIsAnError() {
    var lint =
        Lint.in(dir)
            .file(
                "wf.yaml",
                """
                apiVersion: argoproj.io/v1alpha1
                kind: Workflow
                metadata:
                  name: w
                spec:
                  workflowTemplateRef:
                    name: nowhere
                """);
    assertThat(lint.errors())
        .containsExactly(
            "wf.yaml:7:5: error: spec.workflowTemplateRef.name: no WorkflowTemplate named"
                + " \"nowhere\"");
  }

  @Test
  void aWorkflowTemplateRefSuppliesTemplatesAndEntrypoint() {
    var lint =
        Lint.in(dir)
            .file("lib.yaml", LIBRARY)
            .file(
                "wf.yaml",
                """
                apiVersion: argoproj.io/v1alpha1
                kind: Workflow
                metadata:
                  name: w
                spec:
                  entrypoint: echo
                  workflowTemplateRef:
                    name: lib
                """);
    assertThat(lint.all()).isEmpty();
  }
}
