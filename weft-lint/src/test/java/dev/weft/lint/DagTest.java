package dev.weft.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DagTest {
  @TempDir Path dir;

  /** A workflow whose entry template is a DAG with the given tasks (line 11 is the first). */
  private static String dag(String tasks) {
    return """
        apiVersion: argoproj.io/v1alpha1
        kind: Workflow
        metadata:
          name: w
        spec:
          entrypoint: main
          templates:
            - name: main
              dag:
                tasks:
        %s
            - name: leaf
              container: {image: alpine}
        """
        .formatted(tasks.stripTrailing().indent(10).stripTrailing());
  }

  private Lint lint(String tasks) {
    return Lint.in(dir).file("wf.yaml", dag(tasks));
  }

  @Test
  void duplicateTaskNamesAreAnError() {
    var lint =
        lint(
            """
            - {name: a, template: leaf}
            - {name: a, template: leaf}
            """);
    assertThat(lint.errors())
        .containsExactly(
            "wf.yaml:12:14: error: spec.templates[0].dag.tasks[1].name: duplicate task name \"a\"");
  }

  @Test
  void aDependencyNamingNoTaskIsAnError() {
    var lint =
        lint(
            """
            - {name: a, template: leaf}
            - {name: b, template: leaf, dependencies: [a, c]}
            """);
    assertThat(lint.errors())
        .containsExactly(
            "wf.yaml:12:57: error: spec.templates[0].dag.tasks[1].dependencies[1]: no task named"
                + " \"c\"");
  }

  @Test
  void aDependsNamingNoTaskIsAnErrorAtItsColumn() {
    var lint =
        lint(
            """
            - {name: a, template: leaf}
            - {name: b, template: leaf, depends: "a && c.Succeeded"}
            """);
    assertThat(lint.errors())
        .containsExactly(
            "wf.yaml:12:54: error: spec.templates[0].dag.tasks[1].depends: no task named \"c\"");
  }

  @Test
  void anUnparsableDependsIsAnErrorAtTheColumnInTheExpression() {
    var lint =
        lint(
            """
            - {name: a, template: leaf}
            - name: b
              template: leaf
              depends: "a && (a.Failed"
            """);
    assertThat(lint.errors())
        .containsExactly(
            "wf.yaml:14:37: error: spec.templates[0].dag.tasks[1].depends: invalid depends:"
                + " expected \")\" at column 15");
  }

  @Test
  void aDependsWithAnUnknownResultIsAnError() {
    var lint =
        lint(
            """
            - {name: a, template: leaf}
            - name: b
              template: leaf
              depends: a.Finished
            """);
    assertThat(lint.errors())
        .containsExactly(
            "wf.yaml:14:24: error: spec.templates[0].dag.tasks[1].depends: invalid depends:"
                + " unknown task result \"Finished\" (expected one of Succeeded, Failed, Errored,"
                + " Skipped, Omitted, Daemoned, AnySucceeded, AllFailed) at column 3");
  }

  @Test
  void aDependencyCycleIsAnErrorNamingTheCycle() {
    var lint =
        lint(
            """
            - {name: a, template: leaf, depends: c}
            - {name: b, template: leaf, depends: a}
            - {name: c, template: leaf, depends: b}
            """);
    assertThat(lint.errors())
        .containsExactly(
            "wf.yaml:11:39: error: spec.templates[0].dag.tasks[0].depends: dependency cycle: a ->"
                + " c -> b -> a");
  }

  @Test
  void aTargetNamingNoTaskIsAnError() {
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
                      dag:
                        target: a z
                        tasks:
                          - {name: a, template: leaf}
                    - name: leaf
                      container: {image: alpine}
                """);
    assertThat(lint.errors())
        .containsExactly("wf.yaml:10:9: error: spec.templates[0].dag.target: no task named \"z\"");
  }

  @Test
  void mixingDependsAndDependenciesIsAnError() {
    var lint =
        lint(
            """
            - {name: a, template: leaf}
            - {name: b, template: leaf, depends: a}
            - {name: c, template: leaf, dependencies: [a]}
            """);
    assertThat(lint.errors())
        .containsExactly(
            "wf.yaml:10:9: error: spec.templates[0].dag.tasks: cannot use both depends and"
                + " dependencies in the same DAG");
  }
}
