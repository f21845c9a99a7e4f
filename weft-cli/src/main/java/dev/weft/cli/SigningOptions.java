package dev.weft.cli;

import dev.weft.controller.provenance.Signing;
import dev.weft.executor.SandboxMode;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** `--signing-key`: the key `weft run` and `weft server` sign completed workflows with. */
final class SigningOptions {
  @Option(
      names = "--signing-key",
      paramLabel = "FILE",
      description =
          "Sign provenance with this Ed25519 key (PKCS#8 PEM, as `openssl genpkey -algorithm"
              + " ed25519` writes it) instead of the data directory's signing/ed25519.key, which is"
              + " created at first start.")
  Path keyFile;

  /**
   * Signing for {@code surface} ("run" or "server") with the chosen key.
   *
   * @throws IllegalArgumentException when the key file is missing or is not an Ed25519 key
   */
  Signing signing(Path dataDir, String surface, SandboxMode.Probe probe) throws IOException {
    return Signing.local(dataDir, keyFile, surface, probe.mode());
  }
}
