package dev.weft.controller.provenance;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.controller.artifact.ArtifactKeys;
import dev.weft.controller.artifact.ArtifactRepository;
import dev.weft.model.spec.Artifact;
import dev.weft.provenance.CanonicalJson;
import dev.weft.provenance.statement.Sha256;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The sha256 of artifacts as the repository stores them, read once per location: a workflow's
 * outputs are listed on the node that made them and again on the nodes that pass them on, and the
 * same bytes need not be read twice.
 */
final class StoredArtifacts {
  private final ArtifactRepository repository;
  private final String namespace;
  private final Map<String, Optional<Map<String, String>>> read = new HashMap<>();

  /** {@code repository} may be null: then nothing is stored anywhere Weft reads. */
  StoredArtifacts(ArtifactRepository repository, String namespace) {
    this.repository = repository;
    this.namespace = namespace;
  }

  /** Whether there is a repository to read from at all. */
  boolean readable() {
    return repository != null;
  }

  /**
   * Where an artifact is stored, as one comparable string (its location with the key normalised as
   * every store reads it); empty when it has no key in a repository.
   */
  static Optional<String> location(Artifact a) {
    if (a.raw() != null || a.s3() == null || !a.s3().isObject()) return Optional.empty();
    String key = ArtifactRepository.keyOf(a);
    if (key == null) return Optional.empty();
    try {
      ObjectNode at = a.s3().deepCopy();
      at.put("key", ArtifactKeys.fromUser(key));
      return Optional.of(
          new String(CanonicalJson.bytes(at), java.nio.charset.StandardCharsets.UTF_8));
    } catch (IOException badKey) {
      return Optional.empty();
    }
  }

  /**
   * Path inside the artifact ({@code ""} for a single stored file) to the sha256 of its stored
   * bytes; empty when nothing is stored for it (an optional output that was not made, a key that
   * was deleted).
   */
  Optional<Map<String, String>> digests(Artifact a) throws IOException {
    Optional<String> where = location(a);
    if (where.isEmpty() || repository == null) return Optional.empty();
    Optional<Map<String, String>> known = read.get(where.get());
    if (known != null) return known;
    Map<String, String> files = new LinkedHashMap<>();
    boolean stored =
        repository.readStored(namespace, a, (path, bytes) -> files.put(path, Sha256.hex(bytes)));
    Optional<Map<String, String>> out = stored ? Optional.of(files) : Optional.empty();
    read.put(where.get(), out);
    return out;
  }

  /** The default repository's key, or the artifact's own bucket, as a URI for a dependency. */
  static String uri(String namespace, Artifact a) {
    String key = ArtifactRepository.keyOf(a);
    try {
      key = ArtifactKeys.fromUser(key);
    } catch (IOException badKey) {
      // described as written: it names nothing Weft could read
    }
    String bucket = a.s3() == null ? null : a.s3().path("bucket").asText(null);
    return bucket == null
        ? "weft:artifacts/" + namespace + "/" + key
        : "s3://" + bucket + "/" + key;
  }
}
