package dev.weft.cli.crash;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.controller.provenance.SigningPause;
import dev.weft.provenance.Dsse;
import dev.weft.provenance.Envelope;
import dev.weft.provenance.SigningKey;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * kill -9 of a real `weft server` between a workflow's completion and its signature: held at the
 * seam by {@link SigningPause} (a test-only variable), killed there, restarted without it. The
 * workflow ends with one envelope and one annotation naming it; an envelope stored before the kill
 * is the one kept.
 */
class SigningCrashTest {
  @TempDir Path home;

  @ParameterizedTest(name = "killed {0}")
  @ValueSource(strings = {SigningPause.BEFORE_ENVELOPE, SigningPause.AFTER_ENVELOPE})
  void aServerKilledWhileSigningSignsExactlyOnceAfterItsRestart(String stage) throws Exception {
    ServerProcess server = new ServerProcess(home, freePort());
    try {
      server.start(Map.of(SigningPause.ENV, stage));
      server.post(
          "/api/v1/workflows/default",
          """
          {"workflow": {"metadata": {"name": "sealed"}, "spec": {"entrypoint": "main",
            "templates": [{"name": "main",
              "container": {"image": "alpine", "command": ["echo", "hi"]}}]}}}
          """);
      server.awaitOutput("paused " + stage + " of default/sealed", Duration.ofSeconds(60));
      JsonNode before = server.get("/api/v1/workflows/default/sealed");
      String uid = before.path("metadata").path("uid").asText();
      assertThat(before.path("status").path("phase").asText()).isEqualTo("Succeeded");
      assertThat(before.path("metadata").path("annotations").has("weft.dev/signed")).isFalse();
      Path envelope = home.resolve("attestations/default/" + uid + ".intoto.json");
      byte[] storedBeforeKill = Files.exists(envelope) ? Files.readAllBytes(envelope) : null;
      assertThat(storedBeforeKill != null).isEqualTo(stage.equals(SigningPause.AFTER_ENVELOPE));

      server.kill9();
      server.start();
      JsonNode after = awaitSigned(server, "sealed");

      JsonNode notes = after.path("metadata").path("annotations");
      assertThat(notes.path("weft.dev/signed").asText()).isEqualTo("true");
      assertThat(envelopesIn(home.resolve("attestations"))).containsExactly(envelope);
      byte[] bytes = Files.readAllBytes(envelope);
      assertThat(notes.path("weft.dev/attestation-sha256").asText()).isEqualTo(sha256(bytes));
      if (storedBeforeKill != null) assertThat(bytes).isEqualTo(storedBeforeKill);
      Envelope env = Envelope.parse(bytes);
      assertThat(Dsse.verify(env, SigningKey.readPublic(home.resolve("signing/ed25519.pub"))))
          .isTrue();
    } finally {
      server.stop();
    }
  }

  private static JsonNode awaitSigned(ServerProcess server, String name) throws Exception {
    Instant deadline = Instant.now().plusSeconds(60);
    while (Instant.now().isBefore(deadline)) {
      JsonNode wf = server.get("/api/v1/workflows/default/" + name);
      if (wf.path("metadata").path("annotations").has("weft.dev/signed")) return wf;
      Thread.sleep(100);
    }
    throw new AssertionError(name + " was not signed within 60 s of the restart");
  }

  private static List<Path> envelopesIn(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(Files::isRegularFile).toList();
    }
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
