package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.kube.provenance.PublicKeySource;
import dev.weft.provenance.SigningKey;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** `weft server --kube --signing-key-secret | --signing-public-key`. */
class ServedKeyOptionsTest {
  @TempDir Path dir;

  private static ServedKeyOptions parsed(String... args) {
    ServerCommand command =
        new ServerCommand(
            new PrintStream(PrintStream.nullOutputStream()),
            new PrintStream(PrintStream.nullOutputStream()),
            Interrupts.none());
    new CommandLine(command).parseArgs(args);
    return command.servedKey;
  }

  @Test
  void withNeitherTheControllersDefaultSecretIsServed() {
    assertThat(parsed("--kube").source()).isEqualTo(PublicKeySource.DEFAULT);
  }

  @Test
  void aSecretReferenceNamesItsNamespaceAndName() {
    assertThat(parsed("--kube", "--signing-key-secret", "weft-system/team-key").source())
        .isEqualTo(new PublicKeySource.InSecret("weft-system", "team-key"));
  }

  @Test
  void aPublicKeyFileIsServedAsWritten() throws Exception {
    String pem = SigningKey.generate().publicPem();
    Path file = Files.writeString(dir.resolve("key.pub"), pem);

    assertThat(parsed("--kube", "--signing-public-key", file.toString()).source())
        .isEqualTo(new PublicKeySource.Pem(pem));
  }

  @Test
  void aFileThatIsNoPublicKeyIsRefusedNamingIt() throws Exception {
    Path file = Files.writeString(dir.resolve("key.pub"), "not a key\n");

    assertThatThrownBy(() -> parsed("--kube", "--signing-public-key", file.toString()).source())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--signing-public-key " + file);
  }

  @Test
  void bothAtOnceAreRefused() throws Exception {
    Path file = Files.writeString(dir.resolve("key.pub"), SigningKey.generate().publicPem());

    assertThatThrownBy(
            () ->
                parsed(
                        "--kube",
                        "--signing-key-secret",
                        "k",
                        "--signing-public-key",
                        file.toString())
                    .source())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("give one");
  }

  @Test
  void withoutKubeTheyAreBadInput() {
    CliHarness.Result r = CliHarness.weft("server", "--signing-key-secret", "k");

    r.assertOneBadInputError();
    assertThat(r.error()).contains("are for --kube");
  }
}
