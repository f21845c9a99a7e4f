package dev.weft.provenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sigstore's own verifier, {@code @sigstore/verify} on Node (weft-provenance/sigstore-verify, its
 * dependencies installed by this module's build with {@code npm ci}), checks the bundle form of an
 * envelope Weft signed, offline, against Weft's public key alone.
 */
class SigstoreJsVerifierTest {
  private static final Path PACKAGE =
      ExternalProcess.REPOSITORY.resolve("weft-provenance/sigstore-verify");

  @TempDir Path dir;
  private final SigningKey key = SigningKey.generate();
  private final Envelope envelope = SampleStatement.signed(key);

  @BeforeAll
  static void dependenciesAreInstalled() {
    assertThat(PACKAGE.resolve("node_modules/@sigstore/verify"))
        .as("npm ci in %s (this module's generate-test-resources phase runs it)", PACKAGE)
        .isDirectory();
  }

  private ExternalProcess verify(byte[] bundle, SigningKey with) throws Exception {
    Path bundleFile = Files.write(dir.resolve("attestation.sigstore.json"), bundle);
    Path pub = Files.writeString(dir.resolve("weft.pub"), with.publicPem());
    return ExternalProcess.run(
        List.of(
            "node",
            PACKAGE.resolve("verify.mjs").toString(),
            bundleFile.toString(),
            pub.toString()));
  }

  @Test
  void aBundleWeftSignedVerifies() throws Exception {
    ExternalProcess result = verify(SigstoreBundle.wrap(envelope, key.keyId()), key);
    assertThat(result.output()).isEqualTo("verified\n");
    assertThat(result.exit()).isZero();
  }

  @Test
  void oneFlippedPayloadByteFails() throws Exception {
    Envelope changed = ExternalProcess.flipPayloadByte(envelope);
    ExternalProcess result = verify(SigstoreBundle.wrap(changed, key.keyId()), key);
    assertThat(result.output()).contains("SIGNATURE_ERROR");
    assertThat(result.exit()).isEqualTo(1);
  }

  @Test
  void oneFlippedSignatureByteFails() throws Exception {
    Envelope changed = ExternalProcess.flipSignatureByte(envelope);
    ExternalProcess result = verify(SigstoreBundle.wrap(changed, key.keyId()), key);
    assertThat(result.output()).contains("SIGNATURE_ERROR");
    assertThat(result.exit()).isEqualTo(1);
  }

  /** The bundle names the other key, so Sigstore does check the signature against it. */
  @Test
  void anotherKeyFails() throws Exception {
    SigningKey other = SigningKey.generate();
    ExternalProcess result = verify(SigstoreBundle.wrap(envelope, other.keyId()), other);
    assertThat(result.output()).contains("SIGNATURE_ERROR");
    assertThat(result.exit()).isEqualTo(1);
  }

  @Test
  void aKeyTheBundleDoesNotNameIsNotTrusted() throws Exception {
    ExternalProcess result =
        verify(SigstoreBundle.wrap(envelope, key.keyId()), SigningKey.generate());
    assertThat(result.output()).contains("PUBLIC_KEY_ERROR");
    assertThat(result.exit()).isEqualTo(1);
  }
}
