package dev.weft.cli.crash;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Answered means durable: a server killed with SIGKILL right after its 200 to a resume or a `node
 * set` comes back with the workflow resumed, or the node set, as answered.
 */
class ActionDurabilityTest {
  private static final int ROUNDS = 3;

  @TempDir Path home;

  @Test
  void resumeAnsweredBeforeAKill9IsKept() throws Exception {
    ServerProcess server = new ServerProcess(home, freePort());
    try {
      server.start();
      for (int i = 0; i < ROUNDS; i++) {
        String name = "resume-" + i;
        submitAndAwaitSuspended(server, name);
        server.put("/api/v1/workflows/default/" + name + "/resume", "{}");
        server.kill9();
        server.start();
        JsonNode wf = awaitCompleted(server, name);
        assertThat(wf.path("status").path("phase").asText()).isEqualTo("Succeeded");
        assertThat(approve(wf).path("phase").asText()).isEqualTo("Succeeded");
        assertThat(parameter(approve(wf))).isEqualTo("default-x");
      }
    } finally {
      server.stop();
    }
  }

  @Test
  void nodeSetAnsweredBeforeAKill9IsKept() throws Exception {
    ServerProcess server = new ServerProcess(home, freePort());
    try {
      server.start();
      for (int i = 0; i < ROUNDS; i++) {
        String name = "set-" + i;
        submitAndAwaitSuspended(server, name);
        server.put(
            "/api/v1/workflows/default/" + name + "/set",
            """
            {"nodeFieldSelector": "displayName=approve", "phase": "Succeeded",
             "message": "set %d", "outputParameters": "{\\"x\\": \\"v-%d\\"}"}
            """
                .formatted(i, i));
        server.kill9();
        server.start();
        JsonNode wf = awaitCompleted(server, name);
        assertThat(wf.path("status").path("phase").asText()).isEqualTo("Succeeded");
        assertThat(approve(wf).path("message").asText()).isEqualTo("set " + i);
        assertThat(parameter(approve(wf))).isEqualTo("v-" + i);
      }
    } finally {
      server.stop();
    }
  }

  private static void submitAndAwaitSuspended(ServerProcess server, String name) throws Exception {
    server.post(
        "/api/v1/workflows/default",
        """
        {"workflow": {"metadata": {"name": "%s"}, "spec": {"entrypoint": "main", "templates": [
          {"name": "main", "steps": [[{"name": "approve", "template": "wait"}]]},
          {"name": "wait", "suspend": {}, "outputs": {"parameters": [
            {"name": "x", "valueFrom": {"supplied": {}, "default": "default-x"}}]}}]}}}
        """
            .formatted(name));
    Instant deadline = Instant.now().plusSeconds(60);
    while (!approve(server.get("/api/v1/workflows/default/" + name))
        .path("phase")
        .asText()
        .equals("Running")) {
      if (Instant.now().isAfter(deadline)) throw new AssertionError(name + " never suspended");
      Thread.sleep(50);
    }
  }

  private static JsonNode awaitCompleted(ServerProcess server, String name) throws Exception {
    Instant deadline = Instant.now().plusSeconds(60);
    while (true) {
      JsonNode wf = server.get("/api/v1/workflows/default/" + name);
      String phase = wf.path("status").path("phase").asText("");
      if (phase.equals("Succeeded") || phase.equals("Failed") || phase.equals("Error")) return wf;
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError(name + " not completed after a restart: " + wf.path("status"));
      }
      Thread.sleep(100);
    }
  }

  private static JsonNode approve(JsonNode wf) {
    for (JsonNode n : wf.path("status").path("nodes")) {
      if (n.path("displayName").asText().equals("approve")) return n;
    }
    return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
  }

  private static String parameter(JsonNode node) {
    for (JsonNode p : node.path("outputs").path("parameters")) {
      if (p.path("name").asText().equals("x")) return p.path("value").asText();
    }
    return null;
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
