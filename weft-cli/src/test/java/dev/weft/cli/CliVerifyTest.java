package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.cli.CliHarness.Result;
import dev.weft.controller.provenance.ProvenanceAccess;
import dev.weft.model.WorkflowTemplate;
import dev.weft.provenance.Dsse;
import dev.weft.provenance.Envelope;
import dev.weft.provenance.SigningKey;
import dev.weft.store.RetryOnConflict;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * `weft verify` against a real server whose controller signed the workflow: the envelope as the
 * server hands it out, its artifacts downloaded over HTTP where its subjects say they are.
 */
@Timeout(120)
class CliVerifyTest {
  @TempDir static Path serverHome;
  @TempDir Path dir;
  static ServerFixture server;
  static SigningKey key;
  static Envelope envelope;

  /** Subject name -> the artifact's bytes, as downloaded when the statement was made. */
  static final Map<String, byte[]> ARTIFACTS = new LinkedHashMap<>();

  static final String TEMPLATE =
      """
      apiVersion: argoproj.io/v1alpha1
      kind: WorkflowTemplate
      metadata:
        name: produce
      spec:
        entrypoint: main
        templates:
        - name: main
          container:
            image: alpine
            command: [sh, -c, "echo report > /tmp/report.txt && echo data > /tmp/data.txt"]
          outputs:
            artifacts:
            - {name: report, path: /tmp/report.txt, archive: {none: {}}}
            - {name: data, path: /tmp/data.txt}
      """;

  @BeforeAll
  static void start() throws Exception {
    server = new ServerFixture(serverHome);
    Path template = Files.writeString(serverHome.resolve("produce.yaml"), TEMPLATE);
    Result created = server.weft("template", "create", template.toString());
    assertThat(created.exit()).as(created.all()).isZero();
    Result submitted =
        server.weft("submit", "--from", "workflowtemplate/produce", "--name", "made", "--wait");
    assertThat(submitted.exit()).as(submitted.all()).isZero();
    key = SigningKey.loadOrCreate(serverHome.resolve(ProvenanceAccess.SIGNING_DIR));
    awaitSigned("made");
    envelope = Envelope.parse(httpGet("/api/v1/workflows/default/made/attestation"));
    for (JsonNode subject : envelope.payloadJson().path("subject")) {
      JsonNode where = subject.path("annotations");
      byte[] bytes =
          httpGet(
              "/artifact-files/default/workflows/made/"
                  + where.path("weft_node").asText()
                  + "/outputs/"
                  + where.path("weft_artifact").asText());
      assertThat(sha256(bytes)).isEqualTo(subject.at("/digest/sha256").asText());
      ARTIFACTS.put(subject.path("name").asText(), bytes);
    }
    assertThat(ARTIFACTS).hasSize(2);
  }

  /** Signing follows completion by a reconcile: waits for the controller's annotation. */
  private static void awaitSigned(String name) throws Exception {
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
    while (!"true"
        .equals(server.workflow(name).at("/metadata/annotations/weft.dev~1signed").asText())) {
      assertThat(System.nanoTime()).as("%s signed within 60 s", name).isLessThan(deadline);
      Thread.sleep(50);
    }
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  private static byte[] httpGet(String path) throws Exception {
    String token = Files.readString(serverHome.resolve("server-token")).strip();
    HttpResponse<byte[]> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(server.url() + path))
                    .header("Authorization", "Bearer " + token)
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.statusCode()).as(path).isEqualTo(200);
    return r.body();
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  /** The artifacts laid out as --artifacts wants them: DIR/{subject name}. */
  private Path artifactDir() throws Exception {
    Path root = dir.resolve("artifacts");
    for (Map.Entry<String, byte[]> a : ARTIFACTS.entrySet()) {
      Path file = root.resolve(a.getKey());
      Files.createDirectories(file.getParent());
      Files.write(file, a.getValue());
    }
    return root;
  }

  private Path envelopeFile(byte[] json) throws Exception {
    return Files.write(dir.resolve("made.intoto.json"), json);
  }

  private Path publicKey(SigningKey k) throws Exception {
    return Files.writeString(dir.resolve("weft.pub"), k.publicPem());
  }

  @Test
  void aWorkflowWhoseArtifactsAllMatchVerifiesByName() {
    Result r = server.weft("verify", "made");
    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(r.out())
        .isEqualTo("verified: signed by key " + key.keyId() + ", 2 subjects match\n");
  }

  /** The repository's root: Maven runs each module's tests in the module's directory. */
  private static final Path REPOSITORY = Path.of("").toAbsolutePath().getParent();

  private static String runTool(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    return p.exitValue() + ": " + output.strip();
  }

  @Test
  void opensslVerifiesTheEnvelopeTheServerSigned() throws Exception {
    Path pub = Files.write(dir.resolve("server.pub"), httpGet("/api/v1/signing-key"));
    Path env =
        Files.write(dir.resolve("env.json"), httpGet("/api/v1/workflows/default/made/attestation"));
    String script = REPOSITORY.resolve("docs/provenance/verify-openssl.sh").toString();
    assertThat(runTool("bash", script, env.toString(), pub.toString()))
        .isEqualTo("0: Signature Verified Successfully");
    Path other = publicKey(SigningKey.generate());
    assertThat(runTool("bash", script, env.toString(), other.toString())).startsWith("1: ");
  }

  @Test
  void sigstoresVerifierVerifiesTheBundleTheServerHandsOut() throws Exception {
    Path pub = Files.write(dir.resolve("server.pub"), httpGet("/api/v1/signing-key"));
    Path bundle =
        Files.write(
            dir.resolve("bundle.json"),
            httpGet("/api/v1/workflows/default/made/attestation?format=sigstore-bundle"));
    String verifier = REPOSITORY.resolve("weft-provenance/sigstore-verify/verify.mjs").toString();
    assertThat(runTool("node", verifier, bundle.toString(), pub.toString()))
        .isEqualTo("0: verified");
    Path other = publicKey(SigningKey.generate());
    assertThat(runTool("node", verifier, bundle.toString(), other.toString())).startsWith("1: ");
  }

  @Test
  void anEnvelopeFileVerifiesAgainstADirectoryOfArtifacts() throws Exception {
    Result r =
        server.weft(
            "verify",
            envelopeFile(envelope.toJson()).toString(),
            "--key",
            publicKey(key).toString(),
            "--artifacts",
            artifactDir().toString());
    assertThat(r.exit()).as(r.all()).isZero();
  }

  @Test
  void aChangedArtifactIsNamed() throws Exception {
    Path artifacts = artifactDir();
    String changed = ARTIFACTS.keySet().iterator().next();
    Files.writeString(artifacts.resolve(changed), "tampered\n");
    Result r =
        server.weft(
            "verify",
            "made",
            "--artifacts",
            artifacts.toString(),
            "--key",
            publicKey(key).toString());
    assertThat(r.exit()).as(r.all()).isEqualTo(1);
    assertThat(r.err())
        .startsWith("weft verify: subject \"" + changed + "\" does not match: sha256 ");
    assertThat(r.err().lines()).hasSize(1);
  }

  @Test
  void aMissingArtifactIsNamed() throws Exception {
    Path artifacts = artifactDir();
    String gone = ARTIFACTS.keySet().iterator().next();
    Files.delete(artifacts.resolve(gone));
    Result r = server.weft("verify", "made", "--artifacts", artifacts.toString());
    assertThat(r.exit()).as(r.all()).isEqualTo(1);
    assertThat(r.err()).isEqualTo("weft verify: subject \"" + gone + "\" is missing\n");
  }

  @Test
  void anotherKeyIsABadSignature() throws Exception {
    Result r = server.weft("verify", "made", "--key", publicKey(SigningKey.generate()).toString());
    assertThat(r.exit()).as(r.all()).isEqualTo(1);
    assertThat(r.err()).startsWith("weft verify: bad signature: ");
  }

  @Test
  void unchangedTemplatesVerify() {
    Result r = server.weft("verify", "made", "--templates");
    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(r.out()).contains("1 resolved dependencies match");
  }

  @Test
  void aTemplateChangedSinceTheRunIsNamed() {
    RetryOnConflict.editSpec(
        server.plane.store(),
        WorkflowTemplate.class,
        "default",
        "produce",
        spec -> spec.put("serviceAccountName", "someone-else"));
    try {
      Result r = server.weft("verify", "made", "--templates");
      assertThat(r.exit()).as(r.all()).isEqualTo(1);
      assertThat(r.err())
          .startsWith(
              "weft verify: resolved dependency \"weft:workflowtemplates/default/produce\" does not"
                  + " match");
    } finally {
      RetryOnConflict.editSpec(
          server.plane.store(),
          WorkflowTemplate.class,
          "default",
          "produce",
          spec -> (ObjectNode) spec.without("serviceAccountName"));
    }
  }

  @Test
  void aFileThatIsNotAnEnvelopeNamesTheFileAndField() throws Exception {
    Path file =
        envelopeFile("{\"payload\":\"e30=\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    Result r = server.weft("verify", file.toString(), "--artifacts", dir.toString());
    r.assertOneBadInputError();
    assertThat(r.error())
        .isEqualTo("weft: " + file + ": not a DSSE envelope: payloadType: expected a string");
  }

  @Test
  void aMissingFileIsBadInput() {
    Result r = server.weft("verify", dir.resolve("nope.json").toString());
    r.assertOneBadInputError();
    assertThat(r.error()).isEqualTo("weft: " + dir.resolve("nope.json") + ": no such file");
  }

  @Test
  void aSymbolicLinkInTheArtifactDirectoryIsNotFollowed() throws Exception {
    Path artifacts = artifactDir();
    Path outside = Files.writeString(dir.resolve("outside"), "x");
    Path victim = artifacts.resolve(ARTIFACTS.keySet().iterator().next());
    Files.delete(victim);
    Files.createSymbolicLink(victim, outside);
    Result r = server.weft("verify", "made", "--artifacts", artifacts.toString());
    r.assertOneBadInputError();
    assertThat(r.error()).contains("is a symbolic link");
  }

  @Test
  void aSubjectNameLeavingTheArtifactDirectoryIsRefused() throws Exception {
    byte[] escaping =
        "{\"_type\":\"https://in-toto.io/Statement/v1\",\"subject\":[{\"name\":\"../outside\",\"digest\":{\"sha256\":\"00\"}}]}"
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    Path file = envelopeFile(Dsse.sign(key, Dsse.IN_TOTO, escaping).toJson());
    Result r =
        server.weft(
            "verify",
            file.toString(),
            "--key",
            publicKey(key).toString(),
            "--artifacts",
            artifactDir().toString());
    r.assertOneBadInputError();
    assertThat(r.error()).contains("\"../outside\" is not a relative path under --artifacts");
  }
}
