package dev.weft.provenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OpenSSL recipe of docs/provenance/workflow-v1.md, run as a user would paste it (stopping at
 * the first failing command) on an envelope Weft signed and the artifacts it names.
 */
class OpenSslRecipeTest {
  private static final Path PAGE =
      ExternalProcess.REPOSITORY.resolve("docs/provenance/workflow-v1.md");
  private static final byte[] REPORT = "report\n".getBytes(StandardCharsets.UTF_8);
  private static final byte[] BUNDLE = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0};

  @TempDir Path dir;
  private final SigningKey key = SigningKey.generate();
  private Envelope envelope;

  @BeforeEach
  void layOut() throws Exception {
    envelope =
        Dsse.sign(
            key,
            Dsse.IN_TOTO,
            SampleStatement.json(sha256(REPORT), sha256(BUNDLE), "cc".repeat(32)));
    artifact(SampleStatement.ARTIFACT_A, REPORT);
    artifact(SampleStatement.ARTIFACT_B, BUNDLE);
    Files.writeString(dir.resolve("weft.pub"), key.publicPem());
  }

  private void artifact(String name, byte[] bytes) throws Exception {
    Path file = dir.resolve("artifacts").resolve(name);
    Files.createDirectories(file.getParent());
    Files.write(file, bytes);
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  /** The shell block after the page's openssl-recipe marker. */
  static String recipe() throws Exception {
    String page = Files.readString(PAGE);
    int marker = page.indexOf("<!-- openssl-recipe");
    assertThat(marker).as("the recipe's marker in %s", PAGE).isNotNegative();
    int start = page.indexOf("```sh\n", marker) + "```sh\n".length();
    return page.substring(start, page.indexOf("```", start));
  }

  private ExternalProcess runRecipe(Envelope env) throws Exception {
    Files.write(dir.resolve("env.json"), env.toJson());
    return ExternalProcess.run(List.of("sh", "-e", "-c", recipe()), dir);
  }

  @Test
  void theRecipeVerifiesTheSignatureAndEveryArtifact() throws Exception {
    ExternalProcess result = runRecipe(envelope);
    assertThat(result.output())
        .contains("Signature Verified Successfully")
        .contains(SampleStatement.ARTIFACT_A + ": OK")
        .contains(SampleStatement.ARTIFACT_B + ": OK");
    assertThat(result.exit()).isZero();
  }

  @Test
  void theRecipeStopsAtAFlippedPayloadByte() throws Exception {
    ExternalProcess result = runRecipe(ExternalProcess.flipPayloadByte(envelope));
    assertThat(result.output()).contains("Signature Verification Failure");
    assertThat(result.exit()).isNotZero();
  }

  @Test
  void theRecipeNamesAChangedArtifact() throws Exception {
    artifact(SampleStatement.ARTIFACT_B, "changed".getBytes(StandardCharsets.UTF_8));
    ExternalProcess result = runRecipe(envelope);
    assertThat(result.output()).contains(SampleStatement.ARTIFACT_B + ": FAILED");
    assertThat(result.exit()).isNotZero();
  }
}
