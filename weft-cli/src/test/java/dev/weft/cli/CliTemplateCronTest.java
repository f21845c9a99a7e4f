package dev.weft.cli;

import static dev.weft.cli.CliHarness.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.cli.CliHarness.Result;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** `weft template`, `weft cluster-template` and `weft cron` against a real server. */
@Timeout(60)
class CliTemplateCronTest {
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

  private static String template(String kind, String name) {
    return """
        apiVersion: argoproj.io/v1alpha1
        kind: %s
        metadata:
          name: %s
        spec:
          entrypoint: main
          templates:
          - name: main
            container: {image: busybox, command: [echo, from-a-template]}
        """
        .formatted(kind, name);
  }

  private static final String CRON =
      """
      apiVersion: argoproj.io/v1alpha1
      kind: CronWorkflow
      metadata:
        name: nightly
      spec:
        schedule: "0 3 * * *"
        timezone: UTC
        workflowSpec:
          entrypoint: main
          templates:
          - name: main
            container: {image: busybox, command: [echo, tick]}
      """;

  @Test
  void templateCreateThenListAndGetShowIt() {
    Path f = write(dir, "t.yaml", template("WorkflowTemplate", "listed-template"));
    Result created = server.weft("template", "create", f.toString());
    assertThat(created.exit()).as(created.all()).isZero();
    assertThat(created.out()).containsPattern("(?m)^Name:\\s+listed-template$");
    assertThat(server.weft("template", "list").out()).containsPattern("(?m)^listed-template$");
    assertThat(server.weft("template", "get", "listed-template").out())
        .containsPattern("(?m)^Namespace:\\s+default$");
  }

  @Test
  void templateDeleteRemovesIt() {
    Path f = write(dir, "t.yaml", template("WorkflowTemplate", "short-lived"));
    server.weft("template", "create", f.toString());
    Result r = server.weft("template", "delete", "short-lived");
    assertThat(r.out()).isEqualTo("WorkflowTemplate 'short-lived' deleted\n");
    assertThat(server.weft("template", "get", "short-lived").exit()).isEqualTo(2);
  }

  @Test
  void templateLintReportsServerFindingsAtFileLines() {
    Path f =
        write(
            dir,
            "refs.yaml",
            """
            apiVersion: argoproj.io/v1alpha1
            kind: WorkflowTemplate
            metadata:
              name: refers
            spec:
              entrypoint: main
              templates:
              - name: main
                steps:
                - - name: a
                    templateRef: {name: nowhere, template: x}
            """);
    Result r = server.weft("template", "lint", f.toString());
    assertThat(r.exit()).as(r.all()).isEqualTo(2);
    assertThat(r.out()).startsWith(f + ":11:").contains("no WorkflowTemplate named \"nowhere\"");
  }

  @Test
  void clusterTemplateSubmittedFromRuns() {
    Path f = write(dir, "c.yaml", template("ClusterWorkflowTemplate", "shared"));
    assertThat(server.weft("cluster-template", "create", f.toString(), "-o", "name").out())
        .isEqualTo("shared\n");
    Result r = server.weft("submit", "--from", "cwft/shared", "--name", "from-cluster", "--wait");
    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(server.weft("logs", "from-cluster").out())
        .isEqualTo("from-cluster: from-a-template\n");
  }

  @Test
  void cronCreateThenListShowsSchedule() {
    Path f = write(dir, "cron.yaml", CRON);
    Result created = server.weft("cron", "create", f.toString());
    assertThat(created.exit()).as(created.all()).isZero();
    assertThat(created.out()).containsPattern("(?m)^Schedule:\\s+0 3 \\* \\* \\*$");
    Result listed = server.weft("cron", "list");
    assertThat(listed.out())
        .containsPattern(
            "(?m)^NAME\\s+AGE\\s+LAST RUN\\s+NEXT RUN\\s+SCHEDULE\\s+TIMEZONE\\s+SUSPENDED$")
        .containsPattern(
            "(?m)^nightly\\s+\\d+s\\s+N/A\\s+\\S+\\s+0 3 \\* \\* \\*\\s+UTC\\s+false$");
    server.weft("cron", "delete", "nightly");
  }

  @Test
  void cronSuspendShowsInList() {
    Path f = write(dir, "cron.yaml", CRON.replace("nightly", "paused"));
    server.weft("cron", "create", f.toString());
    Result r = server.weft("cron", "suspend", "paused");
    assertThat(r.out()).isEqualTo("CronWorkflow 'paused' suspended\n");
    assertThat(server.weft("cron", "list").out()).containsPattern("(?m)^paused\\s.*\\strue$");
    assertThat(server.weft("cron", "resume", "paused").exit()).isZero();
    assertThat(server.weft("cron", "list").out()).containsPattern("(?m)^paused\\s.*\\sfalse$");
  }

  @Test
  void groupWithoutSubcommandIsUsageError() {
    Result r = CliHarness.weft("cron");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("Missing required subcommand");
  }
}
