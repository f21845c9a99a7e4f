package dev.weft.cli;

import static dev.weft.cli.CliHarness.write;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.cli.CliHarness.Result;
import dev.weft.model.codec.Codec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * `weft event` against a real server's EventDelivery routes: what {@link CliEventTest} checks
 * against contract-shaped answers, here end to end. The routes come from another branch (issue 13's
 * durable inbox); on a server without them every test here is skipped, not failed.
 */
@Timeout(60)
class CliEventDeliveryServerTest {
  @TempDir static Path serverHome;
  @TempDir static Path dir;
  static ServerFixture server;

  @BeforeAll
  static void start() throws Exception {
    server = new ServerFixture(serverHome);
    Result probe = server.weft("event", "list");
    Assumptions.assumeTrue(
        probe.exit() == 0, "this server has no /api/v1/event-deliveries routes yet");
    create(
        "template",
        """
        apiVersion: argoproj.io/v1alpha1
        kind: WorkflowTemplate
        metadata: {name: hold}
        spec:
          entrypoint: main
          templates: [{name: main, suspend: {}}]
        """);
    create("event-binding", binding("on-record", "discriminator == \"rec\""));
    create("event-binding", binding("never", "discriminator == \"never\""));
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) server.close();
  }

  private static String binding(String name, String selector) {
    return """
        apiVersion: argoproj.io/v1alpha1
        kind: WorkflowEventBinding
        metadata: {name: %s}
        spec:
          event: {selector: '%s'}
          submit: {workflowTemplateRef: {name: hold}}
        """
        .formatted(name, selector);
  }

  private static void create(String group, String yaml) {
    Path f = write(dir, UUID.randomUUID() + ".yaml", yaml);
    Result r = server.weft(group, "create", f.toString());
    assertThat(r.exit()).as(r.all()).isZero();
  }

  /** Sends an event to discriminator "rec" with its own idempotency key; the delivery's name. */
  private static String send(String key) {
    Result r =
        server.weft("event", "send", "rec", "-d", "{}", "--idempotency-key", key, "-o", "name");
    assertThat(r.exit()).as(r.all()).isZero();
    return r.out().strip();
  }

  private static JsonNode delivery(String name) throws Exception {
    Result r = server.weft("event", "get", name, "-o", "json");
    assertThat(r.exit()).as(r.all()).isZero();
    return Codec.json().readTree(r.out());
  }

  private static List<String> workflows(String name) throws Exception {
    List<String> out = new ArrayList<>();
    delivery(name).path("status").path("workflows").forEach(w -> out.add(w.asText()));
    return out;
  }

  @Test
  void sendPrintsTheRecordedDeliveryAndTheWorkflowItStarted() {
    Result r = server.weft("event", "send", "rec", "-d", "{}");
    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(r.out())
        .containsPattern("(?m)^Delivery:\\s+ev-[0-9a-f]{20}$")
        .containsPattern("(?m)^Workflows:\\s+on-record-[0-9a-f]{10}$");
  }

  @Test
  void listShowsTheDeliveryWithItsMatchedCountAndWorkflow() throws Exception {
    String name = send(UUID.randomUUID().toString());
    String workflow = workflows(name).get(0);
    assertThat(server.weft("event", "list").out())
        .containsPattern(
            "(?m)^" + name + "\\s+\\S+\\s+-\\s+rec\\s+Dispatched\\s+1/2\\s+" + workflow + "$");
  }

  @Test
  void listOfEveryNamespaceShowsEachDeliverysNamespace() throws Exception {
    String here = send(UUID.randomUUID().toString());
    Result elsewhere =
        server.weft("event", "send", "rec", "-d", "{}", "-n", "team-b", "-o", "name");
    assertThat(elsewhere.exit()).as(elsewhere.all()).isZero();

    Result r = server.weft("event", "list", "-A");

    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(r.out())
        .containsPattern("(?m)^NAMESPACE\\s+NAME\\s+RECEIVED")
        .containsPattern("(?m)^default\\s+" + here + "\\s")
        .containsPattern("(?m)^team-b\\s+" + elsewhere.out().strip() + "\\s");
    assertThat(server.weft("event", "list").out()).doesNotContain(elsewhere.out().strip());
  }

  @Test
  void getShowsEachBindingsResultAndWhy() throws Exception {
    String name = send(UUID.randomUUID().toString());
    assertThat(server.weft("event", "get", name).out())
        .containsPattern("(?m)^  never\\s+NotMatched\\s+-\\s+discriminator == \"never\"$")
        .containsPattern("(?m)^  on-record\\s+Submitted\\s+on-record-[0-9a-f]{10}$");
  }

  @Test
  void theSameIdempotencyKeyTwiceIsOneDeliveryAndOneWorkflow() throws Exception {
    String key = UUID.randomUUID().toString();
    String first = send(key);
    assertThat(send(key)).isEqualTo(first);
    assertThat(workflows(first)).hasSize(1);
  }

  @Test
  void redeliverNeverStartsASecondWorkflowForASubmittedBinding() throws Exception {
    String name = send(UUID.randomUUID().toString());
    List<String> before = workflows(name);
    Result r = server.weft("event", "redeliver", name);
    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(workflows(name)).isEqualTo(before);
  }

  @Test
  void getOfTheWorkflowSaysWhichDeliveryStartedIt() throws Exception {
    String name = send(UUID.randomUUID().toString());
    String workflow = workflows(name).get(0);
    assertThat(server.weft("get", workflow).out())
        .containsPattern(
            "(?m)^Triggered by:\\s+event delivery " + name + " \\(binding on-record\\)$");
  }
}
