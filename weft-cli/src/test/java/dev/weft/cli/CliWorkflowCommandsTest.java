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

/** list, get, logs, watch, wait and delete against a real server. */
@Timeout(60)
class CliWorkflowCommandsTest {
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

  private static final String TWO_STEPS =
      """
      apiVersion: argoproj.io/v1alpha1
      kind: Workflow
      metadata:
        generateName: two-
      spec:
        entrypoint: main
        templates:
        - name: main
          steps:
          - - name: first
              template: say
          - - name: second
              template: say
        - name: say
          container:
            image: busybox
            command: [echo, said-by-a-step]
      """;

  /** Submits and waits; the workflow's name. */
  private String ran(String name, String yaml) {
    Path f = write(dir, name + ".yaml", yaml);
    Result r = server.weft("submit", f.toString(), "--name", name, "--wait", "-o", "name");
    assertThat(r.exit()).as(r.all()).isZero();
    return name;
  }

  @Test
  void listOutputNamePrintsEachName() {
    ran("listed-a", containerWorkflow("x-", "[echo, a]"));
    ran("listed-b", containerWorkflow("x-", "[echo, b]"));
    Result r = server.weft("list", "-o", "name");
    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(r.out().lines()).contains("listed-a", "listed-b");
  }

  @Test
  void listShowsStatusColumns() {
    ran("tabled", containerWorkflow("x-", "[echo, a]"));
    Result r = server.weft("list");
    assertThat(r.out())
        .containsPattern("(?m)^NAME\\s+STATUS\\s+AGE\\s+DURATION\\s+PRIORITY\\s+MESSAGE$")
        .containsPattern("(?m)^tabled\\s+Succeeded\\s+\\d+s\\s+\\d+s\\s+0$");
  }

  @Test
  void listStatusFilterKeepsOnlyThosePhases() {
    ran("good-one", containerWorkflow("x-", "[echo, a]"));
    Path f = write(dir, "bad.yaml", containerWorkflow("x-", "[sh, -c, 'exit 1']"));
    server.weft("submit", f.toString(), "--name", "bad-one", "--wait");
    Result r = server.weft("list", "--status", "Failed", "-o", "name");
    assertThat(r.out().lines()).contains("bad-one").doesNotContain("good-one");
  }

  @Test
  void listAllNamespacesAddsTheNamespaceColumn() {
    Path f = write(dir, "elsewhere.yaml", containerWorkflow("x-", "[echo, a]"));
    Result r = server.weft("submit", f.toString(), "-n", "team-a", "--name", "elsewhere", "-w");
    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(server.weft("list", "-o", "name").out().lines()).doesNotContain("elsewhere");
    assertThat(server.weft("list", "-A").out())
        .containsPattern("(?m)^NAMESPACE\\s+NAME\\s+STATUS")
        .containsPattern("(?m)^team-a\\s+elsewhere\\s+Succeeded\\s");
  }

  @Test
  void getShowsSummaryAndNodeTree() {
    ran("treed", TWO_STEPS);
    Result r = server.weft("get", "treed");
    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(r.out())
        .containsPattern("(?m)^Name:\\s+treed$")
        .containsPattern("(?m)^Namespace:\\s+default$")
        .containsPattern("(?m)^Status:\\s+Succeeded$")
        .containsPattern("(?m)^Duration:\\s+\\d+ seconds?$")
        .containsPattern("(?m)^Progress:\\s+2/2$")
        .containsPattern("(?m)^STEP\\s+TEMPLATE\\s+PODNAME\\s+DURATION\\s+MESSAGE$")
        .containsPattern("(?m)^ ✔ treed\\s+main\\s")
        .containsPattern("(?m)^ ├─✔ first\\s+say\\s+treed-say-\\d+\\s+\\d+s$")
        .containsPattern("(?m)^ └─✔ second\\s+say\\s+treed-say-\\d+\\s+\\d+s$");
  }

  @Test
  void getOutputJsonPrintsTheWorkflow() throws Exception {
    ran("as-json", containerWorkflow("x-", "[echo, a]"));
    assertThat(server.workflow("as-json").path("status").path("phase").asText())
        .isEqualTo("Succeeded");
  }

  @Test
  void logsPrintEachStepsOutputWithItsPod() {
    ran("logged", TWO_STEPS);
    Result r = server.weft("logs", "logged");
    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(r.out().lines())
        .hasSize(2)
        .allMatch(l -> l.matches("logged-say-\\d+: said-by-a-step"));
  }

  @Test
  void logsOfOnePodPrintOnlyItsLines() throws Exception {
    ran("one-pod", TWO_STEPS);
    String pod = server.weft("logs", "one-pod").out().lines().findFirst().orElseThrow();
    pod = pod.substring(0, pod.indexOf(':'));
    Result r = server.weft("logs", "one-pod", pod);
    assertThat(r.out()).isEqualTo(pod + ": said-by-a-step\n");
  }

  @Test
  void watchPrintsNodesAndTreeAndExitsZeroOnSuccess() {
    Path f = write(dir, "watched.yaml", TWO_STEPS);
    server.weft("submit", f.toString(), "--name", "watched", "-o", "name");
    Result r = server.weft("watch", "watched");
    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(r.out())
        .containsPattern("(?m)^✔ watched\\[1\\]\\.second  Succeeded$")
        .containsPattern("(?m)^Status:\\s+Succeeded$")
        .contains("└─✔ second");
  }

  @Test
  void waitOfFailedWorkflowExitsOne() {
    Path f = write(dir, "bad.yaml", containerWorkflow("x-", "[sh, -c, 'exit 1']"));
    server.weft("submit", f.toString(), "--name", "waited-bad", "-o", "name");
    Result r = server.weft("wait", "waited-bad");
    assertThat(r.exit()).as(r.all()).isEqualTo(1);
    assertThat(r.out()).startsWith("waited-bad Failed at ");
  }

  @Test
  void deleteRemovesTheWorkflow() {
    ran("doomed", containerWorkflow("x-", "[echo, a]"));
    Result r = server.weft("delete", "doomed");
    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(r.out()).isEqualTo("Workflow 'doomed' deleted\n");
    Result gone = server.weft("get", "doomed");
    assertThat(gone.exit()).isEqualTo(2);
    assertThat(gone.err()).isEqualTo("weft: workflows \"doomed\" not found\n");
  }

  @Test
  void deleteCompletedSparesRunningWorkflows() throws Exception {
    ran("finished", containerWorkflow("x-", "[echo, a]"));
    Path f = write(dir, "long.yaml", containerWorkflow("x-", "[sleep, '30']"));
    server.weft("submit", f.toString(), "--name", "still-running", "-o", "name");
    server.await("still-running", ServerFixture.phase("Running"));
    Result r = server.weft("delete", "--completed");
    assertThat(r.out()).contains("Workflow 'finished' deleted").doesNotContain("still-running");
    assertThat(server.weft("get", "still-running").exit()).isZero();
    server.weft("terminate", "still-running");
  }
}
