package dev.weft.cli;

import dev.weft.kube.provenance.PublicKeySource;
import dev.weft.kube.provenance.SecretSigningKey;
import dev.weft.provenance.MalformedEnvelopeException;
import dev.weft.provenance.SigningKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Which public key `weft server --kube` hands out (the controller signs there): by default that of
 * the controller's Secret in the server's namespace.
 */
final class ServedKeyOptions {
  @Option(
      names = "--signing-key-secret",
      paramLabel = "[NAMESPACE/]NAME",
      description =
          "With --kube: the Secret whose ed25519.pub the server hands out at /api/v1/signing-key,"
              + " as the controller's --signing-key-secret (default: "
              + SecretSigningKey.DEFAULT_NAME
              + " in the server's namespace).")
  String secret;

  @Option(
      names = "--signing-public-key",
      paramLabel = "FILE",
      description =
          "With --kube: hand out this public key (SPKI PEM) instead, for a controller started"
              + " with --signing-key FILE.")
  Path publicKeyFile;

  boolean given() {
    return secret != null || publicKeyFile != null;
  }

  /**
   * The source chosen.
   *
   * @throws IllegalArgumentException for both options, a bad Secret reference, or a file that is no
   *     Ed25519 public key
   */
  PublicKeySource source() {
    if (secret != null && publicKeyFile != null) {
      throw new IllegalArgumentException(
          "--signing-key-secret and --signing-public-key name the same key: give one");
    }
    if (publicKeyFile != null) {
      try {
        SigningKey.readPublic(publicKeyFile);
        return new PublicKeySource.Pem(Files.readString(publicKeyFile));
      } catch (IOException | MalformedEnvelopeException e) {
        throw new IllegalArgumentException(
            "--signing-public-key " + publicKeyFile + ": " + e.getMessage());
      }
    }
    if (secret != null) {
      try {
        return PublicKeySource.InSecret.parse(secret);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("--signing-key-secret: " + e.getMessage());
      }
    }
    return PublicKeySource.DEFAULT;
  }
}
