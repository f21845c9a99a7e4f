package dev.weft.cli;

import static dev.weft.cli.CliHarness.LOCATED_ERROR;
import static dev.weft.cli.CliHarness.containerWorkflow;
import static dev.weft.cli.CliHarness.weft;
import static dev.weft.cli.CliHarness.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.cli.CliHarness.Result;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input to `weft run` and `weft lint`: one clear message, located where it can be, exit 2, and
 * never a stack trace.
 */
class CliBadInputTest {
  @TempDir Path dir;

  @BeforeEach
  void home(@TempDir Path home) {
    System.setProperty("weft.home", home.toString());
  }

  private static final String UNCLOSED_BRACKET =
      """
      apiVersion: argoproj.io/v1alpha1
      kind: Workflow
      metadata:
        generateName: bad-
      spec:
        entrypoint: main
        templates:
        - name: main
          container:
            image: busybox
            command: [echo, hi
      """;

  private static final String DAG_CYCLE =
      """
      apiVersion: argoproj.io/v1alpha1
      kind: Workflow
      metadata:
        generateName: cycle-
      spec:
        entrypoint: main
        templates:
        - name: main
          dag:
            tasks:
            - name: a
              template: echo
              dependencies: [b]
            - name: b
              template: echo
              dependencies: [a]
        - name: echo
          container:
            image: busybox
            command: [echo, hi]
      """;

  private static final String UNKNOWN_TEMPLATE =
      """
      apiVersion: argoproj.io/v1alpha1
      kind: Workflow
      metadata:
        generateName: unknown-
      spec:
        entrypoint: main
        templates:
        - name: main
          steps:
          - - name: s
              template: nope
      """;

  private static final String BAD_WHEN =
      """
      apiVersion: argoproj.io/v1alpha1
      kind: Workflow
      metadata:
        generateName: when-
      spec:
        entrypoint: main
        templates:
        - name: main
          steps:
          - - name: s
              template: echo
              when: "{{workflow.name}} =="
        - name: echo
          container:
            image: busybox
            command: [echo, hi]
      """;

  private static final String BAD_EXPRESSION =
      """
      apiVersion: argoproj.io/v1alpha1
      kind: Workflow
      metadata:
        generateName: expr-
      spec:
        entrypoint: main
        templates:
        - name: main
          container:
            image: busybox
            command: [echo, "{{= 1 + }}"]
      """;

  private static final String MISSING_PARAMETER =
      """
      apiVersion: argoproj.io/v1alpha1
      kind: Workflow
      metadata:
        generateName: param-
      spec:
        entrypoint: main
        templates:
        - name: main
          steps:
          - - name: s
              template: echo
        - name: echo
          inputs:
            parameters:
            - name: msg
          container:
            image: busybox
            command: [echo, "{{inputs.parameters.msg}}"]
      """;

  private static final String UNKNOWN_FIELD =
      """
      apiVersion: argoproj.io/v1alpha1
      kind: Workflow
      metadata:
        generateName: field-
      spec:
        entrypoint: main
        templates:
        - name: main
          colour: blue
          container:
            image: busybox
            command: [echo, ran-anyway]
      """;

  @Test
  void runOfMalformedYamlReportsOneLocatedError() {
    Path f = write(dir, "malformed.yaml", UNCLOSED_BRACKET);
    Result r = weft("run", f.toString());
    r.assertOneBadInputError();
    assertThat(r.error()).matches("\\S*malformed\\.yaml:\\d+:\\d+: error: .*invalid YAML.*");
  }

  @Test
  void lintOfMalformedYamlReportsOneLocatedError() {
    Path f = write(dir, "malformed.yaml", UNCLOSED_BRACKET);
    Result r = weft("lint", f.toString());
    r.assertOneBadInputError();
    assertThat(r.error()).matches("\\S*malformed\\.yaml:\\d+:\\d+: error: .*invalid YAML.*");
  }

  @Test
  void runOfMissingFileSaysNoSuchFile() {
    Path f = dir.resolve("absent.yaml");
    Result r = weft("run", f.toString());
    r.assertOneBadInputError();
    assertThat(r.error()).contains("absent.yaml").contains("no such file");
  }

  @Test
  void lintOfMissingFileSaysNoSuchFile() {
    Path f = dir.resolve("absent.yaml");
    Result r = weft("lint", f.toString());
    r.assertOneBadInputError();
    assertThat(r.error()).contains("absent.yaml").contains("no such file");
  }

  @Test
  void lintReportsDagCycleAtTheTask() {
    Path f = write(dir, "cycle.yaml", DAG_CYCLE);
    Result r = weft("lint", f.toString());
    r.assertOneBadInputError();
    assertThat(r.error())
        .matches(LOCATED_ERROR)
        .contains("cycle.yaml:13:")
        .contains("dependencies")
        .contains("cycle");
  }

  @Test
  void runRefusesDagCycleBeforeRunning() {
    Path f = write(dir, "cycle.yaml", DAG_CYCLE);
    Result r = weft("run", f.toString());
    r.assertOneBadInputError();
    assertThat(r.error()).matches(LOCATED_ERROR).contains("cycle");
    assertThat(r.out()).doesNotContain("Status:");
  }

  @Test
  void runRefusesStepReferencingUnknownTemplate() {
    Path f = write(dir, "unknown.yaml", UNKNOWN_TEMPLATE);
    Result r = weft("run", f.toString());
    r.assertOneBadInputError();
    assertThat(r.error())
        .matches(LOCATED_ERROR)
        .contains("unknown.yaml:11:")
        .contains("template")
        .contains("\"nope\"");
  }

  @Test
  void lintReportsStepReferencingUnknownTemplate() {
    Path f = write(dir, "unknown.yaml", UNKNOWN_TEMPLATE);
    Result r = weft("lint", f.toString());
    r.assertOneBadInputError();
    assertThat(r.error()).matches(LOCATED_ERROR).contains("\"nope\"");
  }

  @Test
  void runRefusesInvalidWhenExpression() {
    Path f = write(dir, "when.yaml", BAD_WHEN);
    Result r = weft("run", f.toString());
    r.assertOneBadInputError();
    assertThat(r.error()).matches(LOCATED_ERROR).contains("when.yaml:12:").contains(".when:");
  }

  @Test
  void runRefusesInvalidInlineExpression() {
    Path f = write(dir, "expr.yaml", BAD_EXPRESSION);
    Result r = weft("run", f.toString());
    r.assertOneBadInputError();
    assertThat(r.error())
        .matches(LOCATED_ERROR)
        .contains("expr.yaml:11:")
        .contains("container.command[1]")
        .contains("expression");
  }

  @Test
  void runRefusesCallWithoutRequiredParameter() {
    Path f = write(dir, "param.yaml", MISSING_PARAMETER);
    Result r = weft("run", f.toString());
    r.assertOneBadInputError();
    assertThat(r.error())
        .matches(LOCATED_ERROR)
        .contains("param.yaml:10:")
        .contains("msg")
        .contains("\"echo\"");
  }

  @Test
  void runWarnsOfUnknownFieldAndStillRuns() {
    Path f = write(dir, "field.yaml", UNKNOWN_FIELD);
    Result r = weft("run", f.toString());
    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(r.warningLines())
        .singleElement()
        .asString()
        .contains("field.yaml:9:")
        .contains("unknown field \"colour\"");
    assertThat(r.errorLines()).isEmpty();
    assertThat(r.out()).contains("ran-anyway").contains("Status:     Succeeded");
    r.assertNoStackTrace();
  }

  @Test
  void strictLintMakesUnknownFieldAnError() {
    Path f = write(dir, "field.yaml", UNKNOWN_FIELD);
    Result r = weft("lint", "--strict", f.toString());
    r.assertOneBadInputError();
    assertThat(r.error()).matches(LOCATED_ERROR).contains("unknown field \"colour\"");
  }

  @Test
  void parameterWithoutEqualsSignIsRefused() {
    Path f = write(dir, "hello.yaml", containerWorkflow("hello-", "[echo, hi]"));
    Result r = weft("run", f.toString(), "-p", "msg");
    r.assertOneBadInputError();
    assertThat(r.error()).contains("-p msg").contains("expected name=value");
    assertThat(r.out()).doesNotContain("Status:");
  }

  @Test
  void commandGivenAsStringNamesFieldAndExpectedShape() {
    Path f = write(dir, "type.yaml", containerWorkflow("type-", "echo hi"));
    Result r = weft("run", f.toString());
    r.assertOneBadInputError();
    assertThat(r.error())
        .matches(LOCATED_ERROR)
        .contains("type.yaml:11:")
        .contains("spec.templates[0].container.command")
        .contains("expected a list")
        .contains("\"echo hi\"");
  }

  @Test
  void malformedYamlSaysWhatWasExpected() {
    Path f = write(dir, "malformed.yaml", UNCLOSED_BRACKET);
    Result r = weft("lint", f.toString());
    r.assertOneBadInputError();
    assertThat(r.error()).contains("expected ',' or ']'");
  }
}
