package dev.weft.server;

import static dev.weft.server.EventFixtures.workflowsOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.Resource;
import dev.weft.model.codec.ResourceDecoder;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Argo's examples/workflow-event-binding, as Weft ships them, driven by events over HTTP. */
class EventExamplesApiTest {
  static ServerHarness h;

  @BeforeAll
  static void start() throws Exception {
    h = new ServerHarness();
    try (Stream<Path> files = Files.list(Path.of("../examples/workflow-event-binding"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
        var decoded = ResourceDecoder.decodeFile(f);
        assertThat(decoded.diagnostics()).as(f.toString()).isEmpty();
        for (var r : decoded.resources()) h.plane.store().create(inArgo(r.value()));
      }
    }
  }

  private static Resource inArgo(Resource r) throws IOException {
    var tree = (com.fasterxml.jackson.databind.node.ObjectNode) dev.weft.model.codec.Codec.tree(r);
    tree.with("metadata").put("namespace", "argo");
    return dev.weft.model.codec.Codec.convert(tree, r.getClass());
  }

  @AfterAll
  static void stop() throws Exception {
    h.close();
  }

  private static ServerHarness.Response push(String discriminator, String body) {
    return h.send(
        h.request("/api/v1/events/argo/" + discriminator)
            .header("X-GitHub-Event", "push")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  @Test
  void aPushTouchingAWatchedPathStartsOneWorkflowWithTheFilesAsAJsonList() {
    int before = workflowsOf(h, "argo", "github-path-filter").size();
    var r =
        push(
            "github-path-filter",
            """
            {"commits": [
              {"added": ["subpath/A/x"], "removed": [], "modified": ["README.md"]},
              {"added": [], "removed": ["old"], "modified": []}]}
            """);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    var wfs = workflowsOf(h, "argo", "github-path-filter");
    assertThat(wfs).hasSize(before + 1);
    assertThat(wfs)
        .anySatisfy(
            wf ->
                assertThat(
                        wf.path("spec")
                            .path("arguments")
                            .path("parameters")
                            .get(0)
                            .path("value")
                            .asText())
                    .isEqualTo("[\"subpath/A/x\",\"README.md\",\"old\"]"));
  }

  @Test
  void aPushTouchingNoWatchedPathStartsNothing() {
    int before = workflowsOf(h, "argo", "github-path-filter").size();
    var r =
        push(
            "github-path-filter",
            "{\"commits\": [{\"added\": [\"other/x\"], \"removed\": [], \"modified\": []}]}");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(workflowsOf(h, "argo", "github-path-filter")).hasSize(before);
  }

  @Test
  void theEventConsumerTakesItsAppellationFromThePayload() {
    var r = push("", "{\"appellation\": \"Mr Chips\"}");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(workflowsOf(h, "argo", "event-consumer"))
        .anySatisfy(
            wf ->
                assertThat(
                        wf.path("spec")
                            .path("arguments")
                            .path("parameters")
                            .get(0)
                            .path("value")
                            .asText())
                    .isEqualTo("Mr Chips"));
  }
}
