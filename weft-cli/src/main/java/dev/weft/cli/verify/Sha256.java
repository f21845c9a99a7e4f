package dev.weft.cli.verify;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Hex sha256 of a stream, read once in pieces: artifacts may not fit in memory. */
final class Sha256 {
  private Sha256() {}

  static String of(InputStream in) throws IOException {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    byte[] buffer = new byte[64 * 1024];
    for (int n; (n = in.read(buffer)) > 0; ) sha.update(buffer, 0, n);
    return HexFormat.of().formatHex(sha.digest());
  }
}
