package dev.weft.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Three workflows whose expressions would build gigabytes, submitted at once over HTTP. */
class HostileExpressionsApiTest {
  static ServerHarness h;

  @BeforeAll
  static void start() throws Exception {
    h = new ServerHarness();
  }

  @AfterAll
  static void stop() throws Exception {
    h.close();
  }

  private static final Map<String, String> HOSTILE =
      Map.of(
          "repeat", "{{= sprig.repeat(2000000000, 'x') }}",
          "doubling", "{{= reduce(1..64, #acc + #acc, 'x') }}",
          "replace", "{{= replace(sprig.repeat(46000, 'a'), '', sprig.repeat(46000, 'b')) }}");

  private static String workflow(String name, String expression) {
    return """
        {"workflow": {"apiVersion": "argoproj.io/v1alpha1", "kind": "Workflow",
          "metadata": {"name": "%s"},
          "spec": {"entrypoint": "main", "templates": [
            {"name": "main", "container": {"image": "alpine", "command": ["echo", "%s"]}}]}}}
        """
        .formatted(name, expression);
  }

  private static JsonNode awaitCompleted(String name) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    JsonNode wf = null;
    while (System.nanoTime() < deadline) {
      wf = h.get("/api/v1/workflows/default/" + name).json();
      if (List.of("Succeeded", "Failed", "Error")
          .contains(wf.path("status").path("phase").asText())) {
        return wf;
      }
      Thread.sleep(100);
    }
    throw new AssertionError(name + " did not complete: " + wf);
  }

  @Test
  void gigabyteExpressionsEndInErrorWhileTheServerServes() throws Exception {
    List<CompletableFuture<ServerHarness.Response>> posts = new ArrayList<>();
    HOSTILE.forEach(
        (name, expression) ->
            posts.add(
                CompletableFuture.supplyAsync(
                    () -> h.post("/api/v1/workflows/default", workflow(name, expression)))));
    for (var post : posts) assertThat(post.join().status()).isEqualTo(200);
    assertThat(h.post("/api/v1/workflows/default", workflow("plain", "hi")).status())
        .isEqualTo(200);

    assertThat(awaitCompleted("plain").path("status").path("phase").asText())
        .isEqualTo("Succeeded");
    for (String name : HOSTILE.keySet()) {
      JsonNode wf = awaitCompleted(name);
      assertThat(wf.path("status").path("phase").asText()).as(name).isEqualTo("Error");
      assertThat(wf.toString()).as(name).contains("more than the limit of");
    }
    assertThat(h.get("/healthz").status()).isEqualTo(200);
  }
}
