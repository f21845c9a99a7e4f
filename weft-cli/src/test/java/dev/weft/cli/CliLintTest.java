package dev.weft.cli;

import static dev.weft.cli.CliHarness.containerWorkflow;
import static dev.weft.cli.CliHarness.weft;
import static dev.weft.cli.CliHarness.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.cli.CliHarness.Result;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `weft lint`: its findings, their order, the summary line and the exit code. */
class CliLintTest {
  @TempDir Path dir;

  @BeforeEach
  void home(@TempDir Path home) {
    System.setProperty("weft.home", home.toString());
  }

  /** Five findings whose checks run in an order unlike the order of their lines. */
  private static final String MANY_FINDINGS =
      """
      apiVersion: argoproj.io/v1alpha1
      kind: Workflow
      metadata:
        generateName: order-
      spec:
        entrypoint: main
        onExit: nowhere
        templates:
        - name: main
          steps:
          - - name: a
              template: echo
              when: "{{workflow.name}} =="
          - - name: b
              template: gone
        - name: echo
          container:
            image: busybox
            command: [echo, "{{= 1 + }}"]
          extra: 1
      """;

  private static final String UNKNOWN_FIELD_ONLY =
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
            command: [echo, hi]
      """;

  private static final String GREETER_TEMPLATE =
      """
      apiVersion: argoproj.io/v1alpha1
      kind: WorkflowTemplate
      metadata:
        name: greeter
      spec:
        templates:
        - name: greet
          container:
            image: busybox
            command: [echo, hello]
      """;

  private static final String USES_GREETER =
      """
      apiVersion: argoproj.io/v1alpha1
      kind: Workflow
      metadata:
        generateName: ref-
      spec:
        entrypoint: main
        templates:
        - name: main
          steps:
          - - name: call
              templateRef:
                name: greeter
                template: greet
      """;

  private static List<Integer> lineNumbers(Result r, String file) {
    return r.out()
        .lines()
        .filter(l -> l.contains(file + ":"))
        .map(l -> l.substring(l.indexOf(file + ":") + file.length() + 1))
        .map(l -> Integer.parseInt(l.substring(0, l.indexOf(':'))))
        .toList();
  }

  @Test
  void cleanFileSaysNoProblemsFound() {
    Path f = write(dir, "hello.yaml", containerWorkflow("hello-", "[echo, hi]"));
    Result r = weft("lint", f.toString());
    assertThat(r.exit()).isZero();
    assertThat(r.out().strip()).isEqualTo("no problems found in 1 file");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void cleanFilesAreCountedInSummary() {
    Path a = write(dir, "a.yaml", containerWorkflow("a-", "[echo, a]"));
    Path b = write(dir, "b.yaml", containerWorkflow("b-", "[echo, b]"));
    Result r = weft("lint", a.toString(), b.toString());
    assertThat(r.exit()).isZero();
    assertThat(r.out().strip()).isEqualTo("no problems found in 2 files");
  }

  @Test
  void findingsAreSortedByLine() {
    Path f = write(dir, "order.yaml", MANY_FINDINGS);
    Result r = weft("lint", f.toString());
    assertThat(lineNumbers(r, "order.yaml")).hasSize(5).isSorted();
  }

  @Test
  void everyFindingIsReportedWithItsLocation() {
    Path f = write(dir, "order.yaml", MANY_FINDINGS);
    Result r = weft("lint", f.toString());
    assertThat(lineNumbers(r, "order.yaml")).containsExactly(7, 13, 15, 19, 20);
    assertThat(r.out())
        .contains(":7:3: error: spec.onExit: no template named \"nowhere\"")
        .contains(": error: spec.templates[0].steps[1][0].template: no template named \"gone\"")
        .contains(": warning: spec.templates[1].extra: unknown field \"extra\"");
  }

  @Test
  void summaryCountsErrorsAndWarnings() {
    Path f = write(dir, "order.yaml", MANY_FINDINGS);
    Result r = weft("lint", f.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.out().strip().lines().reduce((x, y) -> y)).hasValue("4 errors, 1 warning");
  }

  @Test
  void findingsFollowTheOrderOfTheFilesGiven() {
    Path second = write(dir, "second.yaml", UNKNOWN_FIELD_ONLY);
    Path first = write(dir, "first.yaml", MANY_FINDINGS);
    Result r = weft("lint", first.toString(), second.toString());
    List<String> findings = r.out().lines().filter(l -> l.contains(".yaml:")).toList();
    assertThat(findings).hasSize(6);
    assertThat(findings.subList(0, 5)).allMatch(l -> l.contains("first.yaml:"));
    assertThat(findings.get(5)).contains("second.yaml:9:5: warning:");
  }

  @Test
  void warningsAloneDoNotFailLint() {
    Path f = write(dir, "field.yaml", UNKNOWN_FIELD_ONLY);
    Result r = weft("lint", f.toString());
    assertThat(r.exit()).isZero();
    assertThat(r.out())
        .contains("field.yaml:9:5: warning: spec.templates[0].colour: unknown field \"colour\"")
        .contains("0 errors, 1 warning");
  }

  @Test
  void strictTurnsUnknownFieldWarningIntoError() {
    Path f = write(dir, "field.yaml", UNKNOWN_FIELD_ONLY);
    Result r = weft("lint", "--strict", f.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.out())
        .contains("field.yaml:9:5: error: spec.templates[0].colour: unknown field \"colour\"")
        .contains("1 error, 0 warnings")
        .doesNotContain("warning:");
  }

  @Test
  void strictCleanFileStillPasses() {
    Path f = write(dir, "hello.yaml", containerWorkflow("hello-", "[echo, hi]"));
    Result r = weft("lint", "--strict", f.toString());
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("no problems found in 1 file");
  }

  @Test
  void templateRefResolvesAgainstTemplateLintedAlongside() {
    Path template = write(dir, "greeter.yaml", GREETER_TEMPLATE);
    Path f = write(dir, "uses.yaml", USES_GREETER);
    Result r = weft("lint", f.toString(), template.toString());
    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(r.out()).contains("no problems found in 2 files");
  }

  @Test
  void templateRefToTemplateNotGivenIsAnError() {
    Path f = write(dir, "uses.yaml", USES_GREETER);
    Result r = weft("lint", f.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.out())
        .contains("uses.yaml:12:")
        .contains("templateRef.name: no WorkflowTemplate named \"greeter\"");
  }

  @Test
  void lintWithoutFilesIsAUsageError() {
    Result r = weft("lint");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("Missing required parameter");
    r.assertNoStackTrace();
  }

  @Test
  void invalidWhenIsQuotedAsWritten() {
    Path f = write(dir, "order.yaml", MANY_FINDINGS);
    Result r = weft("lint", f.toString());
    assertThat(r.out())
        .containsPattern("order\\.yaml:13:\\d+: error: .*\\.when: .*\\{\\{workflow\\.name}} ==")
        .doesNotContain("'x =='");
  }
}
