package dev.weft.controller.provenance;

import java.io.IOException;
import java.util.Optional;

/**
 * Where signed envelopes are kept, one per workflow run, addressed by namespace and workflow uid: a
 * directory of this machine ({@link LocalAttestations}) or, on a cluster, the artifact repository.
 */
public interface Attestations {

  /** The envelope's JSON bytes, if one was written for this run. */
  Optional<byte[]> read(String namespace, String uid) throws IOException;

  /**
   * Writes the envelope whole (a reader never sees half of one), replacing any earlier one, and
   * returns where it is, for messages.
   */
  String write(String namespace, String uid, byte[] envelope) throws IOException;

  /** Where this run's envelope is or would be, for messages and `weft run`'s output. */
  String describe(String namespace, String uid);
}
