package dev.weft.controller.provenance;

import dev.weft.model.Names;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Pattern;

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

  /**
   * Refuses a namespace that is not a DNS label or a uid that is not a uid: the two name the
   * envelope's file or key, and nothing else may.
   */
  static void checkNames(String namespace, String uid) {
    if (Names.dns1123Label(namespace).isPresent()) {
      throw new IllegalArgumentException("not a namespace: \"" + namespace + "\"");
    }
    if (uid == null || !Uid.PATTERN.matcher(uid).matches()) {
      throw new IllegalArgumentException("not a uid: \"" + uid + "\"");
    }
  }

  /** What {@link #checkNames} takes for a uid. */
  final class Uid {
    static final Pattern PATTERN = Pattern.compile("[A-Za-z0-9][-A-Za-z0-9]{0,127}");

    private Uid() {}
  }
}
