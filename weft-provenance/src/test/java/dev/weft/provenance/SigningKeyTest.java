package dev.weft.provenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeyTest {
  @TempDir Path dir;

  @Test
  void theKeyIsCreatedOnceOwnerOnly() throws Exception {
    SigningKey first = SigningKey.loadOrCreate(dir);
    SigningKey again = SigningKey.loadOrCreate(dir);
    assertThat(again.keyId()).isEqualTo(first.keyId());
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dir.resolve(SigningKey.KEY_FILE))))
        .isEqualTo("rw-------");
    assertThat(SigningKey.readPublic(dir.resolve(SigningKey.PUBLIC_FILE)))
        .isEqualTo(first.publicKey());
  }

  @Test
  void theKeyIdIsTheSha256OfThePublicKeysDer() throws Exception {
    SigningKey key = SigningKey.generate();
    byte[] digest =
        java.security.MessageDigest.getInstance("SHA-256").digest(key.publicKey().getEncoded());
    assertThat(key.keyId()).isEqualTo(java.util.HexFormat.of().formatHex(digest));
  }

  @Test
  void opensslReadsThePublicKeyAndItsPrivateKeyGivesTheSamePublicKey() throws Exception {
    SigningKey key = SigningKey.loadOrCreate(dir);
    assertThat(
            run(
                "openssl",
                "pkey",
                "-pubin",
                "-in",
                dir.resolve(SigningKey.PUBLIC_FILE).toString(),
                "-noout"))
        .isEqualTo(0);
    Path derived = dir.resolve("derived.pub");
    assertThat(
            run(
                "openssl",
                "pkey",
                "-in",
                dir.resolve(SigningKey.KEY_FILE).toString(),
                "-pubout",
                "-out",
                derived.toString()))
        .isEqualTo(0);
    assertThat(Files.readString(derived)).isEqualTo(key.publicPem());
  }

  @Test
  void aKeyOpensslGeneratedLoadsWithItsPublicKeyDerived() throws Exception {
    Path pem = dir.resolve("other.key");
    Path pub = dir.resolve("other.pub");
    assertThat(run("openssl", "genpkey", "-algorithm", "ed25519", "-out", pem.toString()))
        .isEqualTo(0);
    assertThat(run("openssl", "pkey", "-in", pem.toString(), "-pubout", "-out", pub.toString()))
        .isEqualTo(0);
    SigningKey key = SigningKey.load(pem);
    assertThat(key.publicKey()).isEqualTo(SigningKey.readPublic(pub));
    Envelope env = Dsse.sign(key, Dsse.IN_TOTO, "{}".getBytes(StandardCharsets.UTF_8));
    assertThat(Dsse.verify(env, SigningKey.readPublic(pub))).isTrue();
  }

  @Test
  void aFileThatIsNotAKeyIsNamedInTheError() throws Exception {
    Path bad = dir.resolve("bad.key");
    Files.writeString(bad, "hello");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> SigningKey.load(bad))
        .isInstanceOf(MalformedEnvelopeException.class)
        .hasMessageContaining(bad.toString())
        .hasMessageContaining("BEGIN PRIVATE KEY");
  }

  private static int run(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return p.exitValue();
  }
}
