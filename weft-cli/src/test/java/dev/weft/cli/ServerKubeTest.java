package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.controller.ControlPlane;
import dev.weft.executor.SandboxMode;
import dev.weft.kube.control.ControllerOptions;
import dev.weft.kube.control.KubeApi;
import dev.weft.kube.control.KubeController;
import dev.weft.kube.sim.ExecutorImage;
import dev.weft.kube.sim.MockCluster;
import dev.weft.kube.sim.SimulatedKubelet;
import dev.weft.model.codec.Codec;
import dev.weft.server.ServerConfig;
import dev.weft.server.WeftServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `weft server --kube`: Argo's API over the cluster's objects, with `weft controller` running the
 * workflows in another component: a submit, a resume and the logs all go through the Workflow and
 * Pod objects on the (mock) API server.
 */
class ServerKubeTest {
  @TempDir Path dir;
  private MockCluster cluster;
  private SimulatedKubelet kubelet;
  private KubeController controller;
  private ControlPlane api;
  private WeftServer server;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() throws Exception {
    boolean works = SandboxMode.detect() == SandboxMode.NAMESPACES;
    if ("true".equals(System.getenv("CI"))) assertThat(works).isTrue();
    assumeTrue(works, () -> SandboxMode.probe().message());
    cluster = new MockCluster();
    kubelet = new SimulatedKubelet(cluster, dir.resolve("kubelet"));
    kubelet.addImageLayer(ExecutorImage.build(dir.resolve("image")));
    controller =
        KubeController.start(
            cluster.client(),
            new ControllerOptions(
                null, null, ExecutorImage.IMAGE, 4, "weft-controller-configmap", "default"));
    api = KubeApi.open(cluster.newClient("default"), null);
    server = WeftServer.start(new ServerConfig("127.0.0.1", 0, dir.resolve("home"), true), api);
  }

  @AfterEach
  void stop() throws Exception {
    if (server != null) server.close();
    if (api != null) api.close();
    if (controller != null) controller.close();
    if (kubelet != null) kubelet.close();
    if (cluster != null) cluster.close();
  }

  private HttpResponse<String> send(String method, String path, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode awaitPhase(String name, String... phases) throws Exception {
    Instant end = Instant.now().plus(Duration.ofSeconds(60));
    while (Instant.now().isBefore(end)) {
      JsonNode wf =
          Codec.json().readTree(send("GET", "/api/v1/workflows/default/" + name, null).body());
      String phase = wf.path("status").path("phase").asText("");
      for (String p : phases) if (p.equals(phase)) return wf;
      Thread.sleep(100);
    }
    throw new AssertionError(name + " never reached " + String.join("/", phases));
  }

  @Test
  void aWorkflowSubmittedResumedAndLoggedThroughTheApiRunsOnTheCluster() throws Exception {
    String workflow =
        """
        {"workflow": {"apiVersion": "argoproj.io/v1alpha1", "kind": "Workflow",
          "metadata": {"name": "gated"},
          "spec": {"entrypoint": "main", "templates": [
            {"name": "main", "steps": [[{"name": "gate", "template": "gate"}],
                                       [{"name": "say", "template": "say"}]]},
            {"name": "gate", "suspend": {}},
            {"name": "say", "container": {"image": "alpine:3", "command": ["echo", "from the cluster"]}}]}}}
        """;
    assertThat(send("POST", "/api/v1/workflows/default", workflow).statusCode()).isEqualTo(200);
    awaitPhase("gated", "Running");
    JsonNode suspended;
    Instant end = Instant.now().plus(Duration.ofSeconds(30));
    do {
      suspended =
          Codec.json().readTree(send("GET", "/api/v1/workflows/default/gated", null).body());
      Thread.sleep(100);
    } while (!suspended.toString().contains("\"Suspend\"") && Instant.now().isBefore(end));

    assertThat(send("PUT", "/api/v1/workflows/default/gated/resume", "{}").statusCode())
        .isEqualTo(200);

    JsonNode done = awaitPhase("gated", "Succeeded", "Failed", "Error");
    assertThat(done.path("status").path("phase").asText()).isEqualTo("Succeeded");
    String logs =
        send("GET", "/api/v1/workflows/default/gated/log?logOptions.container=main", null).body();
    assertThat(logs).contains("from the cluster");
  }
}
