package dev.weft.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Downloading a workflow's artifacts at Argo Server's paths. */
class ArtifactFilesApiTest {
  static ServerHarness h;
  static String node;

  @BeforeAll
  static void start() throws Exception {
    h = new ServerHarness();
    String wf =
        """
        {"workflow": {"metadata": {"name": "files"}, "spec": {"entrypoint": "main", "templates": [
          {"name": "main",
           "container": {"image": "alpine", "command": ["sh", "-c",
             "echo hello > /tmp/out.txt && mkdir /tmp/d && echo a > /tmp/d/a.txt"]},
           "outputs": {"artifacts": [
             {"name": "packed", "path": "/tmp/out.txt"},
             {"name": "plain", "path": "/tmp/out.txt", "archive": {"none": {}}},
             {"name": "folder", "path": "/tmp/d", "archive": {"none": {}}}]}}]}}}
        """;
    assertThat(h.post("/api/v1/workflows/default", wf).status()).isEqualTo(200);
    JsonNode done = h.awaitPhase("default", "files", "Succeeded");
    for (JsonNode n : done.path("status").path("nodes")) {
      if (n.path("outputs").has("artifacts")) node = n.path("id").asText();
    }
  }

  @AfterAll
  static void stop() throws Exception {
    h.close();
  }

  private static HttpResponse<byte[]> fetch(String path, boolean withToken) throws Exception {
    HttpRequest.Builder b = withToken ? h.request(path) : HttpRequest.newBuilder(h.uri(path));
    return h.client.send(b.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static String files(String artifact) {
    return "/artifact-files/default/workflows/files/" + node + "/outputs/" + artifact;
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  @Test
  void aRawArtifactIsSentAsAnAttachmentWithItsDigest() throws Exception {
    var r = fetch(files("plain"), true);

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("hello\n");
    assertThat(r.headers().firstValue("Content-Disposition"))
        .hasValue("attachment; filename=\"plain\"");
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
    assertThat(r.headers().firstValue("X-Weft-Sha256")).hasValue(sha256(r.body()));
  }

  @Test
  void anArchivedArtifactIsSentAsTheStoredTarGz() throws Exception {
    var r = fetch(files("packed"), true);

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/gzip");
    assertThat(r.headers().firstValue("Content-Disposition"))
        .hasValue("attachment; filename=\"packed.tgz\"");
    assertThat(gunzip(r.body())).contains("hello");
  }

  @Test
  void aDirectoryArtifactIsSentPackedAsATarGz() throws Exception {
    var r = fetch(files("folder"), true);

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Disposition"))
        .hasValue("attachment; filename=\"folder.tgz\"");
    assertThat(gunzip(r.body())).contains("a.txt");
  }

  @Test
  void argosOlderOutputPathServesTheSameArtifact() throws Exception {
    var r = fetch("/artifacts/default/files/" + node + "/plain", true);

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("hello\n");
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void aStepsInputArtifactIsServedUnderInputs() throws Exception {
    String wf =
        """
        {"workflow": {"metadata": {"name": "passing"}, "spec": {"entrypoint": "main", "templates": [
          {"name": "main", "steps": [
            [{"name": "make", "template": "make"}],
            [{"name": "take", "template": "take", "arguments": {"artifacts": [
              {"name": "given", "from": "{{steps.make.outputs.artifacts.made}}"}]}}]]},
          {"name": "make",
           "container": {"image": "alpine", "command": ["sh", "-c", "echo made > /tmp/m.txt"]},
           "outputs": {"artifacts": [{"name": "made", "path": "/tmp/m.txt"}]}},
          {"name": "take", "inputs": {"artifacts": [{"name": "given", "path": "/tmp/g.txt"}]},
           "container": {"image": "alpine", "command": ["cat", "/tmp/g.txt"]}}]}}}
        """;
    assertThat(h.post("/api/v1/workflows/default", wf).status()).isEqualTo(200);
    JsonNode done = h.awaitPhase("default", "passing", "Succeeded");
    String taker = null;
    for (JsonNode n : done.path("status").path("nodes")) {
      if (n.path("inputs").has("artifacts")) taker = n.path("id").asText();
    }

    var r = fetch("/artifact-files/default/workflows/passing/" + taker + "/inputs/given", true);

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(gunzip(r.body())).contains("made");
  }

  @Test
  void withoutATokenTheDownloadIsRefused() throws Exception {
    var r = fetch(files("plain"), false);

    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(new String(r.body(), StandardCharsets.UTF_8)).contains("token");
  }

  @Test
  void anUnknownNodeOrArtifactIsNotFoundInJson() throws Exception {
    var noNode = fetch("/artifact-files/default/workflows/files/nope/outputs/plain", true);
    var noArtifact = fetch(files("nope"), true);

    assertThat(noNode.statusCode()).isEqualTo(404);
    assertThat(new String(noNode.body(), StandardCharsets.UTF_8)).contains("\"code\":5");
    assertThat(noArtifact.statusCode()).isEqualTo(404);
  }

  @Test
  void hostileNamesNeverReachAFile() throws Exception {
    for (String path :
        new String[] {
          files("..%2F..%2Fserver-token"),
          files("%2E%2E"),
          "/artifact-files/default/workflows/files/..%2F..%2F/outputs/plain",
          "/artifact-files/..%2Fdefault/workflows/files/" + node + "/outputs/plain",
          "/artifact-files/default/workflows/files/" + node + "/sideways/plain"
        }) {
      var r = fetch(path, true);
      assertThat(r.statusCode()).as(path).isIn(400, 404);
      assertThat(new String(r.body(), StandardCharsets.UTF_8)).as(path).doesNotContain(h.token);
    }
  }

  private static String gunzip(byte[] bytes) throws IOException {
    try (var in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
      return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }
}
