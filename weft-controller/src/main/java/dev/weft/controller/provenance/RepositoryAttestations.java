package dev.weft.controller.provenance;

import dev.weft.controller.artifact.ArtifactNotFoundException;
import dev.weft.controller.artifact.ArtifactStore;
import dev.weft.executor.FileTrees;
import dev.weft.provenance.Envelope;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Envelopes in an artifact repository (on a cluster: the configured S3 bucket), under the key
 * {@code attestations/{namespace}/{uid}.intoto.json} of the workflow's namespace: the store keeps
 * it, as every artifact of that namespace, apart from other namespaces and reached with that
 * namespace's repository credentials (in S3 the object is {@code
 * {namespace}/attestations/{namespace}/{uid}.intoto.json}). An S3 PUT replaces an object whole, so
 * a reader never sees half an envelope.
 */
public final class RepositoryAttestations implements Attestations {
  private final ArtifactStore store;
  private final Path scratch;

  /** Envelopes in {@code store}; {@code scratch} is a private directory for the upload's file. */
  public RepositoryAttestations(ArtifactStore store, Path scratch) {
    this.store = store;
    this.scratch = scratch;
  }

  /** The envelope's key in the namespace's bucket. */
  public static String key(String namespace, String uid) {
    Attestations.checkNames(namespace, uid);
    return "attestations/" + namespace + "/" + uid + ".intoto.json";
  }

  @Override
  public Optional<byte[]> read(String namespace, String uid) throws IOException {
    try (InputStream in = store.open(namespace, key(namespace, uid))) {
      byte[] bytes = in.readNBytes(Envelope.MAX_BYTES + 1);
      if (bytes.length > Envelope.MAX_BYTES) {
        throw new IOException(
            describe(namespace, uid) + " is larger than " + Envelope.MAX_BYTES + " bytes");
      }
      return Optional.of(bytes);
    } catch (ArtifactNotFoundException e) {
      return Optional.empty();
    }
  }

  @Override
  public String write(String namespace, String uid, byte[] envelope) throws IOException {
    String key = key(namespace, uid);
    Files.createDirectories(scratch);
    Path staging = Files.createTempDirectory(scratch, ".attestation");
    try {
      Path file = staging.resolve(uid + ".intoto.json");
      Files.write(file, envelope);
      store.put(namespace, key, file);
    } finally {
      FileTrees.deleteQuietly(staging);
    }
    return describe(namespace, uid);
  }

  @Override
  public String describe(String namespace, String uid) {
    return "key " + key(namespace, uid) + " of namespace " + namespace + " in " + store.describe();
  }
}
