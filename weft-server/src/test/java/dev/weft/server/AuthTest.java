package dev.weft.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.controller.ControlPlane;
import dev.weft.executor.SandboxMode;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AuthTest {
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
  void tokenFileIsPrivateAndReused() throws Exception {
    Path file = h.dataDir.resolve("server-token");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(ServerToken.loadOrCreate(h.dataDir)).isEqualTo(h.token);
    try (WeftServer second =
        WeftServer.start(new ServerConfig("127.0.0.1", 0, h.dataDir, false), h.plane)) {
      assertThat(Files.readString(file).strip()).isEqualTo(h.token);
      assertThat(second.port()).isNotEqualTo(h.server.port());
    }
  }

  @Test
  void requestsWithoutTheTokenAreUnauthenticated() {
    var none = h.send(HttpRequest.newBuilder(h.uri("/api/v1/workflows/default")).GET().build());
    assertThat(none.status()).isEqualTo(401);
    assertThat(none.json().path("code").asInt()).isEqualTo(16);
    assertThat(none.json().path("message").asText()).contains("token");
    var wrong =
        h.send(
            HttpRequest.newBuilder(h.uri("/api/v1/workflows/default"))
                .header("Authorization", "Bearer nope")
                .GET()
                .build());
    assertThat(wrong.status()).isEqualTo(401);
  }

  @Test
  void healthAndVersion() {
    for (String path : new String[] {"/healthz", "/readyz"}) {
      assertThat(h.send(HttpRequest.newBuilder(h.uri(path)).GET().build()).status()).isEqualTo(200);
    }
    var version = h.get("/api/v1/version");
    assertThat(version.status()).isEqualTo(200);
    assertThat(version.json().path("version").asText()).startsWith("v3.");
  }

  @Test
  void malformedBodyIsBadRequestWithPosition() {
    var r = h.post("/api/v1/workflows/default", "{\"workflow\": {\"metadata\": }");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().path("code").asInt()).isEqualTo(3);
    assertThat(r.json().path("message").asText()).startsWith("body:1:").contains("malformed JSON");
    assertThat(r.body()).doesNotContain("at dev.weft");
  }

  @Test
  void invalidFieldIsNamedWithLineAndColumn() {
    String body =
        "{\"workflow\": {\n"
            + "  \"metadata\": {\"name\": \"typed\"},\n"
            + "  \"spec\": {\"entrypoint\": \"main\", \"parallelism\": \"many\",\n"
            + "    \"templates\": [{\"name\": \"main\", \"container\": {\"image\": \"busybox\"}}]}}}";
    var r = h.post("/api/v1/workflows/default", body);
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().path("message").asText()).contains("body:3:").contains("parallelism");
  }

  @Test
  void unknownPathsAndObjectsAreNotFound() {
    assertThat(h.get("/api/v1/nothing").status()).isEqualTo(404);
    var r = h.get("/api/v1/workflows/default/absent");
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.json().path("code").asInt()).isEqualTo(5);
  }

  @Test
  void insecureModeIsRefusedOffLoopback() throws Exception {
    Path dir = Files.createTempDirectory("weft-insecure");
    try (ControlPlane plane = ControlPlane.local(dir, SandboxMode.probe())) {
      assertThatThrownBy(() -> WeftServer.start(new ServerConfig("0.0.0.0", 0, dir, true), plane))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("loopback");
      try (WeftServer open = WeftServer.start(new ServerConfig("127.0.0.1", 0, dir, true), plane)) {
        var r =
            h.send(
                HttpRequest.newBuilder(
                        java.net.URI.create(
                            "http://127.0.0.1:" + open.port() + "/api/v1/workflows/default"))
                    .GET()
                    .build());
        assertThat(r.status()).isEqualTo(200);
      }
      assertThat(dir.resolve("server-token")).doesNotExist();
    }
  }
}
