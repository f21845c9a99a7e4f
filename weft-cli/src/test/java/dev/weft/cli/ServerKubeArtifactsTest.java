package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.controller.ControlPlane;
import dev.weft.controller.artifact.ArtifactRepositoryConfig;
import dev.weft.controller.artifact.S3Fixture;
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
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `weft server --kube --artifact-repository FILE`: the UI's artifact download reads the cluster's
 * S3 repository, with the credentials the repository names read from the namespace's Secret.
 */
class ServerKubeArtifactsTest {
  @TempDir Path dir;
  private S3Fixture s3;
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
    s3 = S3Fixture.start();
    cluster = new MockCluster();
    kubelet = new SimulatedKubelet(cluster, dir.resolve("kubelet"));
    kubelet.addImageLayer(ExecutorImage.build(dir.resolve("image")));
    Base64.Encoder b64 = Base64.getEncoder();
    cluster
        .client()
        .secrets()
        .inNamespace("default")
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName("s3-creds")
                .endMetadata()
                .withData(
                    Map.of(
                        "accesskey", b64.encodeToString(S3Fixture.ACCESS_KEY.getBytes()),
                        "secretkey", b64.encodeToString(S3Fixture.SECRET_KEY.getBytes())))
                .build())
        .create();
    ObjectNode repository = Codec.json().createObjectNode();
    repository.set("s3", s3.repositoryNode());
    cluster
        .client()
        .configMaps()
        .inNamespace("default")
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName("weft-controller-configmap")
                .endMetadata()
                .addToData("artifactRepository", Codec.toJson(repository))
                .build())
        .create();
    controller =
        KubeController.start(
            cluster.client(),
            new ControllerOptions(
                null, null, ExecutorImage.IMAGE, 4, "weft-controller-configmap", "default"));
    api =
        KubeApi.open(
            cluster.newClient("default"),
            null,
            ArtifactRepositoryConfig.parse(Codec.toJson(repository), "the test's repository"));
    server = WeftServer.start(new ServerConfig("127.0.0.1", 0, dir.resolve("home"), true), api);
  }

  @AfterEach
  void stop() throws Exception {
    if (server != null) server.close();
    if (api != null) api.close();
    if (controller != null) controller.close();
    if (kubelet != null) kubelet.close();
    if (cluster != null) cluster.close();
    if (s3 != null) s3.close();
  }

  private HttpResponse<byte[]> send(String method, String path, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void theSigningKeyServedIsTheOneOfTheSecretNamed() throws Exception {
    var key =
        dev.weft.kube.provenance.SecretSigningKey.loadOrCreate(
            cluster.client(), "weft-system", "team-key");
    ObjectNode repository = Codec.json().createObjectNode();
    repository.set("s3", s3.repositoryNode());
    try (ControlPlane named =
            KubeApi.open(
                cluster.newClient("default"),
                null,
                ArtifactRepositoryConfig.parse(Codec.toJson(repository), "the test's repository"),
                dev.weft.kube.provenance.PublicKeySource.InSecret.parse("weft-system/team-key"));
        WeftServer namedServer =
            WeftServer.start(
                new ServerConfig("127.0.0.1", 0, dir.resolve("named-home"), true), named)) {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(
                      URI.create("http://127.0.0.1:" + namedServer.port() + "/api/v1/signing-key"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());

      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      assertThat(r.body()).isEqualTo(key.publicPem());
    }
  }

  @Test
  void anOutputArtifactOfAPodOnTheClusterDownloadsFromS3WithItsDigest() throws Exception {
    String workflow =
        """
        {"workflow": {"apiVersion": "argoproj.io/v1alpha1", "kind": "Workflow",
          "metadata": {"name": "produce"},
          "spec": {"entrypoint": "make", "templates": [
            {"name": "make",
             "container": {"image": "alpine:3", "command": ["sh", "-c"],
                           "args": ["printf 'made on the cluster\\\\n' > /tmp/out.txt"]},
             "outputs": {"artifacts": [{"name": "result", "path": "/tmp/out.txt",
                                        "archive": {"none": {}}}]}}]}}}
        """;
    assertThat(send("POST", "/api/v1/workflows/default", workflow).statusCode()).isEqualTo(200);
    JsonNode done = awaitFinished("produce");
    assertThat(done.path("status").path("phase").asText())
        .as(done.toString())
        .isEqualTo("Succeeded");
    String nodeId = done.path("status").path("nodes").fieldNames().next();

    HttpResponse<byte[]> file =
        send(
            "GET", "/artifact-files/default/workflows/produce/" + nodeId + "/outputs/result", null);

    assertThat(file.statusCode()).as(new String(file.body())).isEqualTo(200);
    assertThat(new String(file.body(), StandardCharsets.UTF_8)).isEqualTo("made on the cluster\n");
    String sha256 =
        HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file.body()));
    assertThat(file.headers().firstValue("X-Weft-Sha256")).hasValue(sha256);
  }

  private JsonNode awaitFinished(String name) throws Exception {
    Instant end = Instant.now().plus(Duration.ofSeconds(60));
    while (Instant.now().isBefore(end)) {
      JsonNode wf =
          Codec.json().readTree(send("GET", "/api/v1/workflows/default/" + name, null).body());
      String phase = wf.path("status").path("phase").asText("");
      if (phase.equals("Succeeded") || phase.equals("Failed") || phase.equals("Error")) return wf;
      Thread.sleep(100);
    }
    throw new AssertionError(name + " never finished");
  }
}
