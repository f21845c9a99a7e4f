package dev.weft.cli;

import static dev.weft.cli.CliHarness.containerWorkflow;
import static dev.weft.cli.CliHarness.weft;
import static dev.weft.cli.CliHarness.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.cli.CliHarness.Result;
import dev.weft.provenance.Dsse;
import dev.weft.provenance.Envelope;
import dev.weft.provenance.SigningKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** `weft run` signs its workflow before it exits and says where the envelope is. */
@Timeout(60)
class CliRunProvenanceTest {
  private static final Pattern PROVENANCE = Pattern.compile("(?m)^provenance: (\\S+)$");

  @TempDir Path dir;
  @TempDir Path home;

  @BeforeEach
  void home() {
    System.setProperty("weft.home", home.toString());
  }

  private static Path envelopeFile(Result r) {
    Matcher m = PROVENANCE.matcher(r.out());
    assertThat(m.find()).as(r.all()).isTrue();
    return Path.of(m.group(1));
  }

  @Test
  void theEnvelopeItPrintsVerifiesWithTheDataDirectorysOwnerOnlyKey() throws Exception {
    Path f = write(dir, "hello.yaml", containerWorkflow("hello-", "[echo, hi]"));

    Result r = weft("run", f.toString());

    assertThat(r.exit()).as(r.all()).isZero();
    Path envelope = envelopeFile(r);
    assertThat(envelope).startsWith(home.resolve("attestations/default"));
    assertThat(envelope.getFileName().toString()).endsWith(".intoto.json");
    Path key = home.resolve("signing/ed25519.key");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key)))
        .isEqualTo("rw-------");
    Envelope env = Envelope.parse(Files.readAllBytes(envelope));
    assertThat(Dsse.verify(env, SigningKey.readPublic(home.resolve("signing/ed25519.pub"))))
        .isTrue();
  }

  @Test
  void aKeyGivenWithSigningKeySignsInsteadOfTheDataDirectorys() throws Exception {
    Path key = dir.resolve("team.key");
    Path pub = dir.resolve("team.pub");
    assertThat(run("openssl", "genpkey", "-algorithm", "ed25519", "-out", key.toString())).isZero();
    assertThat(run("openssl", "pkey", "-in", key.toString(), "-pubout", "-out", pub.toString()))
        .isZero();
    Path f = write(dir, "hello.yaml", containerWorkflow("hello-", "[echo, hi]"));

    Result r = weft("run", "--signing-key", key.toString(), f.toString());

    assertThat(r.exit()).as(r.all()).isZero();
    Envelope env = Envelope.parse(Files.readAllBytes(envelopeFile(r)));
    assertThat(Dsse.verify(env, SigningKey.readPublic(pub))).isTrue();
    assertThat(home.resolve("signing/ed25519.key")).doesNotExist();
  }

  @Test
  void aSigningKeyThatIsNoKeyIsBadInputNamingTheFile() {
    Path notAKey = write(dir, "not.key", "hello");
    Path f = write(dir, "hello.yaml", containerWorkflow("hello-", "[echo, hi]"));

    Result r = weft("run", "--signing-key", notAKey.toString(), f.toString());

    r.assertOneBadInputError();
    assertThat(r.error()).contains("--signing-key").contains(notAKey.toString());
  }

  @Test
  void aWorkflowItsTtlDeletesAtOnceIsStillSignedAndItsEnvelopePrinted() throws Exception {
    Path f =
        write(
            dir,
            "brief.yaml",
            containerWorkflow("brief-", "[echo, hi]")
                .replace("spec:\n", "spec:\n  ttlStrategy: {secondsAfterCompletion: 0}\n"));

    Result r = weft("run", f.toString());

    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(f).content().contains("ttlStrategy");
    assertThat(envelopeFile(r)).exists();
  }

  private static int run(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return p.exitValue();
  }
}
