package dev.weft.cli.verify;

import dev.weft.cli.client.ApiClient;
import dev.weft.cli.client.ClientException;
import dev.weft.controller.DataDir;
import dev.weft.controller.provenance.ProvenanceAccess;
import dev.weft.provenance.MalformedEnvelopeException;
import dev.weft.provenance.SigningKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.PublicKey;

/**
 * The key `weft verify` checks a signature with: {@code --key FILE}; else, verifying a workflow by
 * name, the server's ({@code GET /api/v1/signing-key}); else this machine's, {@code
 * $WEFT_HOME/signing/ed25519.pub}. Only {@code --key} with a key obtained apart from the server
 * shows that the server did not replace both the envelope and its key.
 */
public final class VerificationKey {
  private VerificationKey() {}

  public static PublicKey given(Path file) {
    try {
      return SigningKey.readPublic(file);
    } catch (NoSuchFileException e) {
      throw ClientException.badInput("--key: " + file + ": no such file");
    } catch (IOException e) {
      throw ClientException.badInput("--key: cannot read " + file + ": " + e.getMessage());
    } catch (MalformedEnvelopeException e) {
      throw ClientException.badInput("--key: " + e.getMessage());
    }
  }

  /** The server's key, or else this machine's. */
  public static PublicKey fromServer(ApiClient api) {
    byte[] pem;
    try {
      pem = api.bytes("/api/v1/signing-key");
    } catch (ClientException e) {
      if (e.status() == 404 || e.status() == 501) return local();
      throw e;
    }
    try {
      return SigningKey.parsePublic(
          new String(pem, StandardCharsets.US_ASCII), "the signing key of " + api.base());
    } catch (MalformedEnvelopeException e) {
      throw ClientException.badInput(e.getMessage());
    }
  }

  /** {@code $WEFT_HOME/signing/ed25519.pub}. */
  public static PublicKey local() {
    Path file =
        DataDir.resolve().resolve(ProvenanceAccess.SIGNING_DIR).resolve(SigningKey.PUBLIC_FILE);
    if (!Files.exists(file)) {
      throw ClientException.badInput(
          "no key to verify with: pass --key FILE (Weft's ed25519.pub); "
              + file
              + " does not exist");
    }
    try {
      return SigningKey.readPublic(file);
    } catch (IOException e) {
      throw ClientException.badInput("cannot read " + file + ": " + e.getMessage());
    } catch (MalformedEnvelopeException e) {
      throw ClientException.badInput(e.getMessage());
    }
  }
}
