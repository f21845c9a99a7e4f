package dev.weft.provenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/provenance/verify-openssl.sh, the recipe the README gives: jq, base64 and OpenSSL check an
 * envelope Weft signed, with no Weft code involved.
 */
class OpenSslVerifierTest {
  private static final Path SCRIPT =
      ExternalProcess.REPOSITORY.resolve("docs/provenance/verify-openssl.sh");

  @TempDir Path dir;
  private final SigningKey key = SigningKey.generate();
  private final Envelope envelope = SampleStatement.signed(key);

  private ExternalProcess verify(byte[] file, SigningKey with) throws Exception {
    Path envelopeFile = Files.write(dir.resolve("attestation.json"), file);
    Path pub = Files.writeString(dir.resolve("weft.pub"), with.publicPem());
    return ExternalProcess.run(
        List.of("sh", SCRIPT.toString(), envelopeFile.toString(), pub.toString()));
  }

  @Test
  void anEnvelopeWeftSignedVerifies() throws Exception {
    ExternalProcess result = verify(envelope.toJson(), key);
    assertThat(result.output()).contains("Signature Verified Successfully");
    assertThat(result.exit()).isZero();
  }

  @Test
  void theBundleFormVerifies() throws Exception {
    ExternalProcess result = verify(SigstoreBundle.wrap(envelope, key.keyId()), key);
    assertThat(result.output()).contains("Signature Verified Successfully");
    assertThat(result.exit()).isZero();
  }

  @Test
  void oneFlippedPayloadByteFails() throws Exception {
    ExternalProcess result = verify(ExternalProcess.flipPayloadByte(envelope).toJson(), key);
    assertThat(result.output()).contains("Signature Verification Failure");
    assertThat(result.exit()).isEqualTo(1);
  }

  @Test
  void oneFlippedSignatureByteFails() throws Exception {
    ExternalProcess result = verify(ExternalProcess.flipSignatureByte(envelope).toJson(), key);
    assertThat(result.output()).contains("Signature Verification Failure");
    assertThat(result.exit()).isEqualTo(1);
  }

  @Test
  void anotherKeyFails() throws Exception {
    ExternalProcess result = verify(envelope.toJson(), SigningKey.generate());
    assertThat(result.output()).contains("Signature Verification Failure");
    assertThat(result.exit()).isEqualTo(1);
  }
}
