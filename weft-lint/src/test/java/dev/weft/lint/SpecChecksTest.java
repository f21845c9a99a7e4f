package dev.weft.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecChecksTest {
  @TempDir Path dir;

  @Test
  void aWorkflowWithoutEntrypointIsAnError() {
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
                  templates:
                    - name: main
                      container: {image: alpine}
                """);
    assertThat(lint.errors()).containsExactly("wf.yaml:5:1: error: spec: missing entrypoint");
  }

  @Test
  void anEntrypointNamingNoTemplateIsAnError() {
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
                  entrypoint: mian
                  templates:
                    - name: main
                      container: {image: alpine}
                """);
    assertThat(lint.errors())
        .containsExactly("wf.yaml:6:3: error: spec.entrypoint: no template named \"mian\"");
  }

  @Test
  void aWorkflowTemplateNeedsNoEntrypoint() {
    var lint =
        Lint.in(dir)
            .file(
                "wt.yaml",
                """
                apiVersion: argoproj.io/v1alpha1
                kind: WorkflowTemplate
                metadata:
                  name: t
                spec:
                  templates:
                    - name: main
                      container: {image: alpine}
                """);
    assertThat(lint.all()).isEmpty();
  }

  @Test
  void duplicateTemplateNamesAreAnError() {
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
                  entrypoint: main
                  templates:
                    - name: main
                      container: {image: alpine}
                    - name: main
                      script: {image: alpine, source: echo}
                """);
    assertThat(lint.errors())
        .containsExactly(
            "wf.yaml:10:7: error: spec.templates[1].name: duplicate template name \"main\"");
  }

  @Test
  void aTemplateWithoutBodyIsAnError() {
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
                  entrypoint: main
                  templates:
                    - name: main
                      inputs: {}
                """);
    assertThat(lint.errors())
        .containsExactly(
            "wf.yaml:8:7: error: spec.templates[0]: template \"main\" has no body (one of"
                + " container, script, steps, dag, suspend, containerSet, resource, data, http,"
                + " plugin)");
  }

  @Test
  void aTemplateWithSeveralBodiesIsAnError() {
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
                  entrypoint: main
                  templates:
                    - name: main
                      container: {image: alpine}
                      suspend: {}
                """);
    assertThat(lint.errors())
        .containsExactly(
            "wf.yaml:8:7: error: spec.templates[0]: template \"main\" has several bodies:"
                + " container, suspend");
  }

  @Test
  void anOnExitNamingNoTemplateIsAnError() {
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
                  entrypoint: main
                  onExit: cleanup
                  templates:
                    - name: main
                      container: {image: alpine}
                """);
    assertThat(lint.errors())
        .containsExactly("wf.yaml:7:3: error: spec.onExit: no template named \"cleanup\"");
  }

  @Test
  void aWorkflowHookNamingNoTemplateIsAnError() {
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
                  entrypoint: main
                  hooks:
                    exit:
                      template: gone
                  templates:
                    - name: main
                      container: {image: alpine}
                """);
    assertThat(lint.errors())
        .containsExactly(
            "wf.yaml:9:7: error: spec.hooks.exit.template: no template named \"gone\"");
  }

  @Test
  void anEntrypointInputMissingFromTheWorkflowArgumentsIsAnError() {
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
                  entrypoint: main
                  templates:
                    - name: main
                      inputs:
                        parameters:
                          - name: message
                      container: {image: alpine}
                """);
    assertThat(lint.errors())
        .containsExactly(
            "wf.yaml:6:3: error: spec.entrypoint: inputs.parameters.message was not supplied:"
                + " the entrypoint \"main\" requires it and spec.arguments.parameters does not"
                + " list it");
  }

  @Test
  void aWorkflowArgumentWithoutValueSuppliesTheEntrypointInput() {
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
                  entrypoint: main
                  arguments:
                    parameters:
                      - name: message
                  templates:
                    - name: main
                      inputs:
                        parameters:
                          - name: message
                      container: {image: alpine, args: ["{{inputs.parameters.message}}"]}
                """);
    assertThat(lint.all()).isEmpty();
  }
}
