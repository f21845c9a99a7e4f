package dev.weft.controller.provenance;

import dev.weft.controller.artifact.ArtifactRepository;
import dev.weft.executor.ImageProfiles;
import dev.weft.executor.SandboxMode;
import dev.weft.provenance.Dsse;
import dev.weft.provenance.MalformedEnvelopeException;
import dev.weft.provenance.SigningKey;
import dev.weft.provenance.WeftVersion;
import dev.weft.store.Store;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a control plane signs its completed workflows with: the key, where envelopes are kept, and
 * which builder this is (a mode with other guarantees has its own builder.id).
 */
public record Signing(SigningKey key, Attestations attestations, BuilderIdentity builder) {

  /** Where the key lives in a data directory: {@code signing/ed25519.key} and {@code .pub}. */
  public static Path keyDirectory(Path dataDir) {
    return dataDir.resolve("signing");
  }

  /** Where envelopes live in a data directory: {@code attestations/{ns}/{uid}.intoto.json}. */
  public static Path attestationDirectory(Path dataDir) {
    return dataDir.resolve("attestations");
  }

  /**
   * Signing on this machine for {@code surface} ("run" or "server"): the key {@code keyFile}, or
   * (null) the data directory's own, created at first start; envelopes in the data directory.
   *
   * @throws IllegalArgumentException when {@code keyFile} is missing or not an Ed25519 key
   */
  public static Signing local(Path dataDir, Path keyFile, String surface, SandboxMode mode)
      throws IOException {
    SigningKey key;
    try {
      if (keyFile == null) {
        key = SigningKey.loadOrCreate(keyDirectory(dataDir));
      } else if (!Files.isRegularFile(keyFile)) {
        throw new IllegalArgumentException("--signing-key: " + keyFile + " is not a file");
      } else {
        key = SigningKey.load(keyFile);
      }
    } catch (MalformedEnvelopeException e) {
      throw new IllegalArgumentException(
          (keyFile == null ? "" : "--signing-key: ") + e.getMessage(), e);
    }
    prewarm(key);
    return new Signing(
        key,
        new LocalAttestations(attestationDirectory(dataDir)),
        new BuilderIdentity(surface, mode == SandboxMode.NAMESPACES ? "sandboxed" : "host"));
  }

  /**
   * Signs and verifies once on a thread of its own: a fresh JVM's first Ed25519 signature runs cold
   * code (about 200 ms here), which `weft run` would otherwise wait for after its workflow ends.
   */
  static void prewarm(SigningKey key) {
    Thread.ofPlatform()
        .daemon()
        .name("weft-signing-warm-up")
        .start(() -> Dsse.verify(Dsse.sign(key, Dsse.IN_TOTO, new byte[0]), key.publicKey()));
  }

  /**
   * The signing step of the workflow controller over {@code store}, attesting outputs stored in
   * {@code artifacts} (null: none), logs as {@code logs} reads them and images run as {@code
   * profiles} says (null on a cluster).
   */
  public Notary notary(
      Store store, ArtifactRepository artifacts, NodeLogs logs, ImageProfiles profiles) {
    return new Notary(
        store,
        new WorkflowProvenance(store, artifacts, logs, profiles, WeftVersion.VALUE, builder),
        key,
        attestations,
        Notary.Retries.DEFAULT,
        SigningPause.fromEnvironment());
  }
}
