package dev.weft.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** ttlStrategy deletes finished workflows; podGC removes step sandboxes and logs. */
class RetentionApiTest {
  static ServerHarness h;

  @BeforeAll
  static void start() throws Exception {
    h = new ServerHarness();
  }

  @AfterAll
  static void stop() throws Exception {
    h.close();
  }

  private static String workflow(String name, String extra) {
    return """
        {"workflow": {"apiVersion": "argoproj.io/v1alpha1", "kind": "Workflow",
          "metadata": {"name": "%s"},
          "spec": {"entrypoint": "main", %s
            "templates": [{"name": "main", "container": {"image": "alpine", "command": ["echo", "hi"]}}]}}}
        """
        .formatted(name, extra);
  }

  /** The step directories of one workflow (pods/<uid>/<pod>). */
  private static long podDirs(String uid) throws Exception {
    Path dir = h.dataDir.resolve("pods").resolve(uid);
    if (!Files.exists(dir)) return 0;
    try (Stream<Path> s = Files.list(dir)) {
      return s.count();
    }
  }

  @Test
  void aWorkflowIsDeletedOnceItsTtlAfterCompletionPassed() throws Exception {
    h.post(
        "/api/v1/workflows/default",
        workflow("short-lived", "\"ttlStrategy\": {\"secondsAfterCompletion\": 1},"));
    h.awaitPhase("default", "short-lived", "Succeeded");

    long deadline = System.nanoTime() + 20_000_000_000L;
    int status = 200;
    while (status == 200 && System.nanoTime() < deadline) {
      Thread.sleep(200);
      status = h.get("/api/v1/workflows/default/short-lived").status();
    }

    assertThat(status).isEqualTo(404);
  }

  @Test
  void podGcOnPodCompletionRemovesTheStepsFilesAndKeepsTheWorkflow() throws Exception {
    h.post(
        "/api/v1/workflows/default",
        workflow("tidy", "\"podGC\": {\"strategy\": \"OnPodCompletion\"},"));
    String uid = h.awaitPhase("default", "tidy", "Succeeded").path("metadata").path("uid").asText();

    long deadline = System.nanoTime() + 20_000_000_000L;
    while (podDirs(uid) > 0 && System.nanoTime() < deadline) Thread.sleep(100);

    assertThat(podDirs(uid)).isZero();
    assertThat(h.get("/api/v1/workflows/default/tidy").status()).isEqualTo(200);
  }

  @Test
  void withoutPodGcTheStepsFilesStay() throws Exception {
    h.post("/api/v1/workflows/default", workflow("kept", ""));
    String uid = h.awaitPhase("default", "kept", "Succeeded").path("metadata").path("uid").asText();

    assertThat(podDirs(uid)).isEqualTo(1);
  }
}
