package dev.weft.controller.provenance;

import dev.weft.provenance.SigningKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What the server hands out of signed provenance: the stored envelopes, and the public key that
 * checks them. Read only: signing (and creating the key) is the controller's.
 *
 * @param attestations where the envelopes are
 * @param publicKey the signing key's public half as SPKI PEM, read when asked: the controller may
 *     create the key after the server started
 */
public record ProvenanceAccess(Attestations attestations, PublicKeySource publicKey) {

  /** The public key's PEM, or empty while there is no key yet. */
  @FunctionalInterface
  public interface PublicKeySource {
    Optional<String> pem() throws IOException;
  }

  /** Where signing keeps its key under a data directory: {@code signing/}. */
  public static final String SIGNING_DIR = "signing";

  /** Where envelopes are kept under a data directory: {@code attestations/}. */
  public static final String ATTESTATIONS_DIR = "attestations";

  /**
   * This machine's: envelopes under {@code dataDir/attestations}, the key in {@code
   * dataDir/signing/ed25519.pub}.
   */
  public static ProvenanceAccess local(Path dataDir) {
    Path pub = dataDir.resolve(SIGNING_DIR).resolve(SigningKey.PUBLIC_FILE);
    return new ProvenanceAccess(
        new LocalAttestations(dataDir.resolve(ATTESTATIONS_DIR)), () -> readPem(pub));
  }

  /** What {@code signing} signs with: its envelopes, its key (which may be --signing-key's). */
  public static ProvenanceAccess of(Signing signing) {
    String pem = signing.key().publicPem();
    return new ProvenanceAccess(signing.attestations(), () -> Optional.of(pem));
  }

  private static Optional<String> readPem(Path file) throws IOException {
    if (Files.isSymbolicLink(file)) {
      throw new IOException(file + " is a symbolic link; Weft never follows one here");
    }
    try {
      if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) return Optional.empty();
      return Optional.of(Files.readString(file, StandardCharsets.US_ASCII));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }
}
