package dev.weft.cli;

import static dev.weft.cli.CliHarness.containerWorkflow;
import static dev.weft.cli.CliHarness.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.cli.CliHarness.Result;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** `weft submit` against a real server: files, options, --wait, --from and bad input. */
@Timeout(60)
class CliSubmitTest {
  @TempDir static Path serverHome;
  @TempDir Path dir;
  static ServerFixture server;

  @BeforeAll
  static void start() throws Exception {
    server = new ServerFixture(serverHome);
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  private static final String GREETING =
      """
      apiVersion: argoproj.io/v1alpha1
      kind: Workflow
      metadata:
        generateName: greet-
      spec:
        entrypoint: main
        arguments:
          parameters:
          - name: msg
            value: from-the-file
        templates:
        - name: main
          inputs:
            parameters:
            - name: msg
          container:
            image: busybox
            command: [echo, "said {{inputs.parameters.msg}}"]
      """;

  @Test
  void submitWaitOfSucceedingWorkflowPrintsPhaseAndExitsZero() {
    Path f = write(dir, "hello.yaml", containerWorkflow("hello-", "[echo, hi]"));
    Result r = server.weft("submit", f.toString(), "--wait");
    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(r.out())
        .containsPattern("(?m)^Name:\\s+hello-[a-z0-9]{5}$")
        .containsPattern("(?m)^hello-[a-z0-9]{5} Succeeded at \\S+$");
    r.assertNoStackTrace();
  }

  @Test
  void submitWaitOfFailingWorkflowExitsOne() {
    Path f = write(dir, "fails.yaml", containerWorkflow("fails-", "[sh, -c, 'exit 3']"));
    Result r = server.weft("submit", f.toString(), "-w");
    assertThat(r.exit()).as(r.all()).isEqualTo(1);
    assertThat(r.out()).containsPattern("(?m)^fails-[a-z0-9]{5} Failed at \\S+$");
  }

  @Test
  void submitWatchEndsWithTheTreeAndExitsOneOnFailure() {
    Path f = write(dir, "fails.yaml", containerWorkflow("watched-", "[sh, -c, 'exit 2']"));
    Result r = server.weft("submit", f.toString(), "--watch");
    assertThat(r.exit()).as(r.all()).isEqualTo(1);
    assertThat(r.out())
        .containsPattern("(?m)^Status:\\s+Failed$")
        .containsPattern("(?m)^ ✖ watched-[a-z0-9]{5}\\s+main\\s");
  }

  @Test
  void submitOutputNamePrintsOnlyTheName() {
    Path f = write(dir, "hello.yaml", containerWorkflow("named-", "[echo, hi]"));
    Result r = server.weft("submit", f.toString(), "--name", "exactly-this", "-o", "name");
    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(r.out()).isEqualTo("exactly-this\n");
  }

  @Test
  void submitParameterReachesTheStep() {
    Path f = write(dir, "greet.yaml", GREETING);
    Result submitted =
        server.weft("submit", f.toString(), "-p", "msg=from-the-cli", "--name", "greet-p", "-w");
    assertThat(submitted.exit()).as(submitted.all()).isZero();
    Result logs = server.weft("logs", "greet-p");
    assertThat(logs.out()).isEqualTo("greet-p: said from-the-cli\n");
  }

  @Test
  void submitOfUndeclaredParameterWarnsAndStillSubmits() {
    Path f = write(dir, "greet.yaml", GREETING);
    Result r = server.weft("submit", f.toString(), "-p", "mgs=hi", "--wait");
    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(r.err())
        .contains("warning: -p mgs: the workflow declares no parameter \"mgs\" (it declares: msg)");
    assertThat(r.out()).contains("Succeeded");
  }

  @Test
  void submitLabelsAreSetOnTheWorkflow() {
    Path f = write(dir, "hello.yaml", containerWorkflow("labelled-", "[echo, hi]"));
    Result r =
        server.weft(
            "submit", f.toString(), "--name", "labelled", "-l", "team=a,tier=b", "-o", "name");
    assertThat(r.exit()).as(r.all()).isZero();
    Result listed = server.weft("list", "-l", "team=a", "-o", "name");
    assertThat(listed.out().lines()).contains("labelled");
  }

  @Test
  void submitOfBadYamlReportsFileLineAndColumn() {
    Path f = write(dir, "bad.yaml", "kind: Workflow\nmetadata: [unclosed\n");
    Result r = server.weft("submit", f.toString());
    r.assertOneBadInputError();
    assertThat(r.error()).startsWith(f + ":").containsPattern(":\\d+:\\d+: error: ");
  }

  @Test
  void submitOfWrongKindNamesTheKind() {
    Path f =
        write(
            dir,
            "template.yaml",
            """
            apiVersion: argoproj.io/v1alpha1
            kind: WorkflowTemplate
            metadata:
              name: not-a-workflow
            spec:
              entrypoint: main
              templates:
              - name: main
                container: {image: busybox, command: [echo, hi]}
            """);
    Result r = server.weft("submit", f.toString());
    r.assertOneBadInputError();
    assertThat(r.error())
        .startsWith(f + ":2:")
        .contains("takes a Workflow; this is a WorkflowTemplate");
  }

  @Test
  void serverFindingIsReportedAtTheFilesLine() {
    Path f =
        write(
            dir,
            "missing.yaml",
            """
            apiVersion: argoproj.io/v1alpha1
            kind: Workflow
            metadata:
              generateName: missing-
            spec:
              entrypoint: nowhere
              templates:
              - name: main
                container: {image: busybox, command: [echo, hi]}
            """);
    Result r = server.weft("submit", f.toString());
    assertThat(r.exit()).as(r.all()).isEqualTo(2);
    assertThat(r.err())
        .startsWith(f + ":6:")
        .contains("error: spec.entrypoint")
        .contains("nowhere");
    r.assertNoStackTrace();
  }

  @Test
  void submitFromWorkflowTemplateRunsIt() {
    Path t =
        write(
            dir,
            "template.yaml",
            """
            apiVersion: argoproj.io/v1alpha1
            kind: WorkflowTemplate
            metadata:
              name: greeter
            spec:
              entrypoint: main
              arguments:
                parameters:
                - name: who
                  value: nobody
              templates:
              - name: main
                container: {image: busybox, command: [echo, "hello {{workflow.parameters.who}}"]}
            """);
    Result created = server.weft("template", "create", t.toString(), "-o", "name");
    assertThat(created.out()).isEqualTo("greeter\n");
    Result r =
        server.weft(
            "submit",
            "--from",
            "workflowtemplate/greeter",
            "-p",
            "who=world",
            "--name",
            "from-t",
            "-w");
    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(r.out()).contains("from-t Succeeded at");
    assertThat(server.weft("logs", "from-t").out()).isEqualTo("from-t: hello world\n");
  }

  @Test
  void submitWithoutFilesOrFromIsBadInput() {
    Result r = server.weft("submit");
    r.assertOneBadInputError();
    assertThat(r.error()).contains("nothing to submit");
  }
}
