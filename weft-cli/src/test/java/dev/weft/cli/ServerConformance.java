package dev.weft.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.controller.ControlPlane;
import dev.weft.executor.SandboxMode;
import dev.weft.model.ClusterWorkflowTemplate;
import dev.weft.model.CronWorkflow;
import dev.weft.model.Resource;
import dev.weft.model.Workflow;
import dev.weft.model.WorkflowTemplate;
import dev.weft.model.codec.Codec;
import dev.weft.model.codec.Decoded;
import dev.weft.model.codec.Located;
import dev.weft.model.codec.ResourceDecoder;
import dev.weft.server.ServerConfig;
import dev.weft.server.WeftServer;
import dev.weft.store.JdbcStore;
import dev.weft.store.StoreException;
import dev.weft.store.Stores;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The conformance corpus through `weft server`: one server on its durable store; each case is
 * created over HTTP (its WorkflowTemplates too; ConfigMaps and volume claims, which Argo's API does
 * not serve, go into the store as `kubectl apply` would put them), awaited by polling, resumed over
 * HTTP when it is interactive, and judged by the phase the API reports.
 */
final class ServerConformance implements AutoCloseable {
  private static final List<String> FINAL = List.of("Succeeded", "Failed", "Error");
  private static final String APPROVALS =
      "{\"approve\":\"YES\",\"message\":\"approved by the test\"}";
  private final JdbcStore store;
  private final ControlPlane plane;
  private final WeftServer server;
  private final HttpClient http = HttpClient.newHttpClient();

  ServerConformance(Path home) throws IOException {
    store = Stores.open(home.resolve("weft.db").toString());
    plane = ControlPlane.service(home, SandboxMode.probe(), store, store::close);
    server = WeftServer.start(new ServerConfig("127.0.0.1", 0, home, true), plane);
  }

  /** Runs the case; returns its final phase ("timeout" after {@code limit}), or lint's verdict. */
  String run(Path file, List<Path> requires, String expect, Duration limit) throws Exception {
    for (Path r : requires) for (Located<Resource> res : decode(r)) load(res.value());
    Resource main = decode(file).get(0).value();
    if (expect.equals("cron")) {
      var r = send("POST", "/api/v1/cron-workflows/default/lint", wrap("cronWorkflow", main));
      return r.statusCode() == 200 ? "linted" : "lint failed: " + r.body();
    }
    var created = send("POST", "/api/v1/workflows/default", wrap("workflow", main));
    if (created.statusCode() != 200) return "create failed: " + created.body();
    String name = Codec.json().readTree(created.body()).path("metadata").path("name").asText();
    Instant deadline = Instant.now().plus(limit);
    while (Instant.now().isBefore(deadline)) {
      JsonNode wf =
          Codec.json().readTree(send("GET", "/api/v1/workflows/default/" + name, null).body());
      String phase = wf.path("status").path("phase").asText("");
      if (FINAL.contains(phase)) return phase;
      if (expect.equals("interactive")) approve(name, wf);
      Thread.sleep(250);
    }
    send("PUT", "/api/v1/workflows/default/" + name + "/terminate", "{}");
    return "timeout";
  }

  /**
   * Plays the user as Argo's docs do: `argo node set` supplies the values a suspended node asks
   * for, `argo resume` releases it (and a workflow suspended as a whole).
   */
  private void approve(String name, JsonNode wf) throws Exception {
    for (JsonNode n : wf.path("status").path("nodes")) {
      if (n.path("type").asText().equals("Suspend") && n.path("phase").asText().equals("Running")) {
        ObjectNode body = Codec.json().createObjectNode();
        body.put("nodeFieldSelector", "id=" + n.path("id").asText());
        body.put("outputParameters", APPROVALS);
        send("PUT", "/api/v1/workflows/default/" + name + "/set", body.toString());
        ObjectNode resume = Codec.json().createObjectNode();
        resume.put("nodeFieldSelector", "id=" + n.path("id").asText());
        send("PUT", "/api/v1/workflows/default/" + name + "/resume", resume.toString());
      }
    }
    if (wf.path("spec").path("suspend").asBoolean(false)) {
      send("PUT", "/api/v1/workflows/default/" + name + "/resume", "{}");
    }
  }

  private void load(Resource r) throws Exception {
    HttpResponse<String> response;
    if (r instanceof WorkflowTemplate) {
      response = send("POST", "/api/v1/workflow-templates/default", wrap("template", r));
    } else if (r instanceof ClusterWorkflowTemplate) {
      response = send("POST", "/api/v1/cluster-workflow-templates", wrap("template", r));
    } else if (r instanceof Workflow || r instanceof CronWorkflow) {
      return;
    } else {
      try {
        plane.store().create(r);
      } catch (StoreException.AlreadyExists e) {
        // another case loaded it
      }
      return;
    }
    if (response.statusCode() != 200 && response.statusCode() != 409) {
      throw new IOException("cannot load " + r.metadata().name() + ": " + response.body());
    }
  }

  private static List<Located<Resource>> decode(Path file) throws IOException {
    Decoded d = ResourceDecoder.decodeFile(file);
    if (d.hasErrors()) throw new IOException(file + ": " + d.diagnostics());
    return d.resources();
  }

  private static String wrap(String field, Resource r) {
    ObjectNode body = Codec.json().createObjectNode();
    body.set(field, Codec.tree(r));
    return body.toString();
  }

  private HttpResponse<String> send(String method, String path, String body) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  @Override
  public void close() throws Exception {
    server.close();
    plane.close();
    ServerFixture.stopLeftSteps(plane);
  }
}
