package dev.weft.provenance.statement;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Lower-case hex sha256, the digest every subject and dependency of a statement carries. */
public final class Sha256 {
  private static final int BUFFER = 64 * 1024;

  private Sha256() {}

  public static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(digest().digest(bytes));
  }

  /**
   * Reads {@code in} to its end a buffer at a time: an artifact of any size is never held whole.
   */
  public static String hex(InputStream in) throws IOException {
    MessageDigest sha = digest();
    byte[] buffer = new byte[BUFFER];
    for (int n; (n = in.read(buffer)) != -1; ) sha.update(buffer, 0, n);
    return HexFormat.of().formatHex(sha.digest());
  }

  private static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
