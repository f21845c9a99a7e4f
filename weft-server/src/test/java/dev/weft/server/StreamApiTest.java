package dev.weft.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Log and event streams, framed as Argo's gateway frames them. */
class StreamApiTest {
  static ServerHarness h;

  @BeforeAll
  static void start() throws Exception {
    h = new ServerHarness();
  }

  @AfterAll
  static void stop() throws Exception {
    h.close();
  }

  private static String counting(String name, String script) {
    return """
        {"workflow": {"apiVersion": "argoproj.io/v1alpha1", "kind": "Workflow",
          "metadata": {"name": "%s"},
          "spec": {"entrypoint": "main",
            "templates": [{"name": "main", "container": {"image": "alpine", "command": ["sh", "-c", "%s"]}}]}}}
        """
        .formatted(name, script);
  }

  private static List<String> read(String path, String accept) throws Exception {
    HttpResponse<InputStream> r =
        h.client.send(
            h.request(path).header("Accept", accept).GET().build(),
            HttpResponse.BodyHandlers.ofInputStream());
    assertThat(r.statusCode()).isEqualTo(200);
    List<String> lines = new ArrayList<>();
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) if (!line.isBlank()) lines.add(line);
    }
    return lines;
  }

  private static String content(String line) {
    String json = line.startsWith("data: ") ? line.substring(6) : line;
    return new ServerHarness.Response(200, json).json().path("result").path("content").asText();
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void followStreamsLinesAsTheyComeUntilTheWorkflowCompletes() throws Exception {
    h.post(
        "/api/v1/workflows/default",
        counting("slow", "for i in 1 2 3; do echo line $i; sleep 0.5; done"));

    List<String> lines =
        read("/api/v1/workflows/default/slow/log?logOptions.follow=true", "application/json");

    assertThat(lines)
        .extracting(StreamApiTest::content)
        .containsExactly("line 1", "line 2", "line 3");
    assertThat(h.get("/api/v1/workflows/default/slow").json().path("status").path("phase").asText())
        .isEqualTo("Succeeded");
  }

  @Test
  void tailLinesAndGrepSelectLinesAndSseFramesThem() throws Exception {
    h.post("/api/v1/workflows/default", counting("many", "seq 1 20"));
    h.awaitPhase("default", "many", "Succeeded");

    List<String> tail =
        read("/api/v1/workflows/default/many/log?logOptions.tailLines=3", "text/event-stream");
    List<String> grepped = read("/api/v1/workflows/default/many/log?grep=%5E1", "application/json");

    assertThat(tail).allMatch(l -> l.startsWith("data: "));
    assertThat(tail).extracting(StreamApiTest::content).containsExactly("18", "19", "20");
    assertThat(grepped)
        .extracting(StreamApiTest::content)
        .containsExactly("1", "10", "11", "12", "13", "14", "15", "16", "17", "18", "19");
  }

  @Test
  void thePerPodLogPathGivesThatPodsLines() throws Exception {
    h.post("/api/v1/workflows/default", counting("single", "echo only"));
    String pod =
        h.awaitPhase("default", "single", "Succeeded")
            .path("status")
            .path("nodes")
            .elements()
            .next()
            .path("podName")
            .asText();

    List<String> lines =
        read("/api/v1/workflows/default/single/" + pod + "/log", "application/json");

    assertThat(lines).extracting(StreamApiTest::content).containsExactly("only");
  }
}
