package dev.weft.kube.exec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.kube.pods.OutputPlan;
import dev.weft.kube.store.KubeKind;
import dev.weft.kube.store.KubeStore;
import dev.weft.model.codec.Codec;
import dev.weft.model.spec.Parameter;
import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The wait container reads what the step's own containers wrote in the shared volume: a link
 * planted there must not make it read (and report) a file of its own container.
 */
class WaitCommandTest {
  private static final Logger MOCK_LOG = Logger.getLogger("io.fabric8.mockwebserver");
  private static final String SECRET = "the wait container's own secret";

  @TempDir Path dir;
  private KubernetesMockServer server;
  private NamespacedKubernetesClient client;
  private Path var;
  private Path secret;

  @BeforeEach
  void start() throws Exception {
    MOCK_LOG.setLevel(Level.WARNING);
    server =
        new KubernetesMockServer(
            new Context(),
            new MockWebServer(),
            new HashMap<>(),
            new KubernetesCrudDispatcher(List.of()),
            false);
    server.init();
    client = server.createClient();
    var = Files.createDirectories(dir.resolve("var"));
    Files.createDirectories(var.resolve("ctr/main"));
    Files.createDirectories(var.resolve("outputs/params"));
    secret = Files.writeString(dir.resolve("token"), SECRET);
    Files.writeString(var.resolve("ctr/main/exit"), "0");
  }

  @AfterEach
  void stop() {
    client.close();
    try {
      server.destroy();
    } catch (IllegalStateException e) {
      // the mock's known shutdown race (fabric8 #7857): teardown only
    }
  }

  private JsonNode run(Parameter... params) throws Exception {
    OutputPlan plan = new OutputPlan(true, "main", List.of(params), List.of());
    Map<String, String> env =
        Map.of(
            "WEFT_OUTPUTS", Codec.toJson(plan),
            "WEFT_NAMESPACE", "default",
            "WEFT_NODE_ID", "wf-1",
            "ARGO_WORKFLOW_NAME", "wf");
    int code = new WaitCommand(client, env, var, ArtifactTransfer.NONE).run();
    assertThat(code).isZero();
    var result =
        client
            .genericKubernetesResources(KubeKind.TASK_RESULT)
            .inNamespace("default")
            .withName("wf-1")
            .get();
    return KubeStore.decodeValue(result, JsonNode.class);
  }

  private static Parameter fromPath(String name, String path) throws Exception {
    return Codec.json()
        .readValue(
            "{\"name\":\"" + name + "\",\"valueFrom\":{\"path\":\"" + path + "\"}}",
            Parameter.class);
  }

  @Test
  void resultAndParametersAreReportedAndTheResultMarkedComplete() throws Exception {
    Files.writeString(var.resolve("ctr/main/stdout"), "hello\n");
    Files.writeString(var.resolve("outputs/params/out"), "42\n");
    JsonNode r = run(fromPath("out", "/tmp/out"));
    assertThat(r.path("outputs").path("result").asText()).isEqualTo("hello");
    assertThat(r.path("outputs").path("parameters").get(0).path("value").asText()).isEqualTo("42");
    assertThat(
            r.path("metadata")
                .path("labels")
                .path("workflows.argoproj.io/report-outputs-completed")
                .asText())
        .isEqualTo("true");
  }

  @Test
  void aStdoutReplacedByALinkIsNotFollowed() throws Exception {
    Files.createSymbolicLink(var.resolve("ctr/main/stdout"), secret);
    JsonNode r = run();
    assertThat(r.toString()).doesNotContain(SECRET);
    assertThat(r.path("phase").asText()).isEqualTo("Error");
    assertThat(r.path("message").asText()).contains("symbolic link");
  }

  @Test
  void aParameterFileReplacedByALinkIsNotFollowed() throws Exception {
    Files.createSymbolicLink(var.resolve("outputs/params/out"), secret);
    JsonNode r = run(fromPath("out", "/tmp/out"));
    assertThat(r.toString()).doesNotContain(SECRET);
    assertThat(r.path("phase").asText()).isEqualTo("Error");
  }

  @Test
  void aContainerDirectoryReplacedByALinkIsNotFollowed() throws Exception {
    Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
    Files.writeString(elsewhere.resolve("exit"), "0");
    Files.createSymbolicLink(elsewhere.resolve("stdout"), secret);
    Files.writeString(var.resolve("ctr/main/stdout"), "");
    Files.delete(var.resolve("ctr/main/stdout"));
    Files.delete(var.resolve("ctr/main/exit"));
    Files.delete(var.resolve("ctr/main"));
    Files.createSymbolicLink(var.resolve("ctr/main"), elsewhere);
    OutputPlan plan = new OutputPlan(true, "main", List.of(), List.of());
    Map<String, String> env =
        Map.of(
            "WEFT_OUTPUTS", Codec.toJson(plan),
            "WEFT_NAMESPACE", "default",
            "WEFT_NODE_ID", "wf-1",
            "ARGO_WORKFLOW_NAME", "wf");
    // the wait container fails (its pod's node ends in Error), reporting nothing it read
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> new WaitCommand(client, env, var, ArtifactTransfer.NONE).run())
        .isInstanceOf(java.io.IOException.class)
        .hasMessageContaining("symbolic link");
    var result =
        client
            .genericKubernetesResources(KubeKind.TASK_RESULT)
            .inNamespace("default")
            .withName("wf-1")
            .get();
    assertThat(KubeStore.decodeValue(result, JsonNode.class).toString()).doesNotContain(SECRET);
  }

  @Test
  void aParameterNameThatLeavesTheVolumeIsRefused() throws Exception {
    Files.writeString(var.resolve("outputs/params/ok"), "x");
    JsonNode r = run(fromPath("../../token", "/tmp/out"));
    assertThat(r.toString()).doesNotContain(SECRET);
    assertThat(r.path("phase").asText()).isEqualTo("Error");
  }
}
