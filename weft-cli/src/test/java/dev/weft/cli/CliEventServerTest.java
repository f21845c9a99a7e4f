package dev.weft.cli;

import static dev.weft.cli.CliHarness.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.cli.CliHarness.Result;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** `weft event send` and `weft get`'s trigger line against a real server. */
@Timeout(60)
class CliEventServerTest {
  @TempDir static Path serverHome;
  @TempDir static Path dir;
  static ServerFixture server;

  @BeforeAll
  static void start() throws Exception {
    server = new ServerFixture(serverHome);
    Path template =
        write(
            dir,
            "t.yaml",
            """
            apiVersion: argoproj.io/v1alpha1
            kind: WorkflowTemplate
            metadata:
              name: wait
            spec:
              entrypoint: main
              arguments:
                parameters: [{name: ref}]
              templates:
              - name: main
                suspend: {}
            """);
    Path binding =
        write(
            dir,
            "b.yaml",
            """
            apiVersion: argoproj.io/v1alpha1
            kind: WorkflowEventBinding
            metadata:
              name: on-cli-push
            spec:
              event:
                selector: >-
                  discriminator == "cli" && metadata["x-github-event"] == ["push"]
              submit:
                workflowTemplateRef: {name: wait}
                arguments:
                  parameters:
                  - name: ref
                    valueFrom: {event: payload.ref}
            """);
    Result t = server.weft("template", "create", template.toString());
    assertThat(t.exit()).as(t.all()).isZero();
    Result b = server.weft("event-binding", "create", binding.toString());
    assertThat(b.exit()).as(b.all()).isZero();
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  private static String startedBy(String binding) {
    return server
        .weft("list", "-l", "workflows.argoproj.io/workflow-event-binding=" + binding, "-o", "name")
        .out()
        .strip();
  }

  @Test
  void sendWithTheSelectorsHeaderStartsTheBindingsWorkflow() throws Exception {
    Path push = write(dir, "push.json", "{\"ref\": \"refs/heads/sent-by-cli\"}");
    Result r =
        server.weft("event", "send", "cli", "-f", push.toString(), "-H", "X-GitHub-Event: push");
    assertThat(r.exit()).as(r.all()).isZero();
    List<String> arguments = new ArrayList<>();
    for (String name : startedBy("on-cli-push").lines().toList()) {
      arguments.add(server.workflow(name).path("spec").path("arguments").toString());
    }
    assertThat(arguments).anyMatch(a -> a.contains("refs/heads/sent-by-cli"));
  }

  @Test
  void getOfAWorkflowAnEventStartedSaysWhichDeliveryAndBinding() {
    Path wf = write(dir, "wf.yaml", CliHarness.containerWorkflow("triggered-", "[\"true\"]"));
    Result submitted =
        server.weft(
            "submit",
            wf.toString(),
            "-l",
            "events.weft.dev/delivery=ev-0123456789abcdef0123,"
                + "workflows.argoproj.io/workflow-event-binding=on-push",
            "-o",
            "name");
    assertThat(submitted.exit()).as(submitted.all()).isZero();
    Result r = server.weft("get", submitted.out().strip());
    assertThat(r.out())
        .containsPattern(
            "(?m)^Triggered by:\\s+event delivery ev-0123456789abcdef0123 \\(binding on-push\\)$");
  }

  @Test
  void getOfAWorkflowNoEventStartedHasNoTriggerLine() {
    Path wf = write(dir, "plain.yaml", CliHarness.containerWorkflow("plain-", "[\"true\"]"));
    Result submitted = server.weft("submit", wf.toString(), "-o", "name");
    assertThat(server.weft("get", submitted.out().strip()).out()).doesNotContain("Triggered by:");
  }
}
