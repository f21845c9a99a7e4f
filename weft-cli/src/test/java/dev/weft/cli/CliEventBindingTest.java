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

/** `weft event-binding` against a real server, and its local lint. */
@Timeout(60)
class CliEventBindingTest {
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

  private static String binding(String name, String selector) {
    return """
        apiVersion: argoproj.io/v1alpha1
        kind: WorkflowEventBinding
        metadata:
          name: %s
        spec:
          event:
            selector: %s
          submit:
            workflowTemplateRef: {name: build}
            arguments:
              parameters:
                - name: ref
                  valueFrom: {event: payload.ref}
        """
        .formatted(name, selector);
  }

  @Test
  void createThenListAndGetShowTheSelectorAndTemplate() {
    Path f =
        write(dir, "b.yaml", binding("on-push", "'metadata[\"x-github-event\"] == [\"push\"]'"));
    Result created = server.weft("event-binding", "create", f.toString());
    assertThat(created.exit()).as(created.all()).isZero();
    assertThat(created.out()).containsPattern("(?m)^Name:\\s+on-push$");
    assertThat(server.weft("event-binding", "list").out())
        .containsPattern(
            "(?m)^on-push\\s+build\\s+metadata\\[\"x-github-event\"\\] == \\[\"push\"\\]$");
    assertThat(server.weft("event-binding", "get", "on-push").out())
        .containsPattern("(?m)^Submits:\\s+build$")
        .containsPattern("(?m)^  ref:\\s+payload.ref$");
  }

  @Test
  void aBindingWithABadSelectorIsStoredAsArgoStoresIt() {
    Path f = write(dir, "b.yaml", binding("broken", "'payload.ref =='"));
    Result created = server.weft("event-binding", "create", f.toString());
    assertThat(created.exit()).as(created.all()).isZero();
  }

  @Test
  void deleteRemovesIt() {
    Path f = write(dir, "b.yaml", binding("short-lived", "'true'"));
    server.weft("event-binding", "create", f.toString());
    Result r = server.weft("event-binding", "delete", "short-lived");
    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(server.weft("event-binding", "get", "short-lived").exit()).isEqualTo(2);
  }

  @Test
  void lintNeedsNoServerAndStrictFailsOnABadSelectorAtItsLine() {
    Path f = write(dir, "b.yaml", binding("broken", "'payload.ref =='"));
    Result plain = CliHarness.weft("event-binding", "lint", f.toString());
    assertThat(plain.exit()).as(plain.all()).isZero();
    Result strict = CliHarness.weft("event-binding", "lint", "--strict", f.toString());
    assertThat(strict.exit()).isEqualTo(Main.EXIT_BAD_INPUT);
    assertThat(strict.out())
        .contains(
            "b.yaml:7:", "error: spec.event.selector: invalid expression: unexpected token EOF");
  }
}
