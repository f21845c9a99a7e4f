package dev.weft.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The server runs the CronWorkflow controller: a CronWorkflow created over HTTP starts workflows.
 */
class CronApiTest {
  static ServerHarness h;

  @BeforeAll
  static void start() throws Exception {
    h = new ServerHarness();
  }

  @AfterAll
  static void stop() throws Exception {
    h.close();
  }

  @Test
  void aCronWorkflowCreatedOverHttpStartsWorkflowsThatSucceedAndAreCounted() throws Exception {
    String body =
        """
        {"cronWorkflow": {"metadata": {"name": "often"}, "spec": {"schedule": "@every 2s",
          "concurrencyPolicy": "Forbid",
          "workflowSpec": {"entrypoint": "main", "templates": [
            {"name": "main", "container": {"image": "alpine", "command": ["echo", "tick"]}}]}}}}
        """;
    assertThat(h.post("/api/v1/cron-workflows/default", body).status()).isEqualTo(200);

    long deadline = System.nanoTime() + 30_000_000_000L;
    JsonNode cron = null;
    while (System.nanoTime() < deadline) {
      cron = h.get("/api/v1/cron-workflows/default/often").json();
      if (cron.path("status").path("succeeded").asInt(0) >= 1) break;
      Thread.sleep(250);
    }
    h.put("/api/v1/cron-workflows/default/often/suspend", "{}");

    assertThat(cron.path("status").path("succeeded").asInt(0)).isGreaterThanOrEqualTo(1);
    assertThat(cron.path("status").path("lastScheduledTime").asText()).isNotEmpty();
    JsonNode runs =
        h.get(
                "/api/v1/workflows/default?listOptions.labelSelector="
                    + "workflows.argoproj.io/cron-workflow%3Doften")
            .json()
            .path("items");
    assertThat(runs.size()).isGreaterThanOrEqualTo(1);
    assertThat(runs.get(0).path("metadata").path("name").asText()).startsWith("often-");
  }
}
