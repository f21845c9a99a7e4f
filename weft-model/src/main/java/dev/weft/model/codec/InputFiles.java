package dev.weft.model.codec;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Reads a resource file the user named, which may be anything: only a regular file is opened (a
 * FIFO or a device would block or never end), and only up to {@link #MAX_BYTES}.
 */
public final class InputFiles {
  /**
   * 3 MiB: the YAML parser's own limit (SnakeYAML reads at most 3 Mi code points), and twice the
   * largest object Kubernetes keeps.
   */
  public static final int MAX_BYTES = 3 << 20;

  private InputFiles() {}

  /** The file's text (UTF-8); an IOException whose message says what is wrong with it. */
  public static String read(Path path) throws IOException {
    BasicFileAttributes attrs = Files.readAttributes(path, BasicFileAttributes.class);
    if (attrs.isDirectory()) throw new IOException("is a directory, not a file");
    if (!attrs.isRegularFile()) {
      throw new IOException("is not a regular file (a FIFO, a device or a socket)");
    }
    if (attrs.size() > MAX_BYTES) throw tooLarge(attrs.size());
    byte[] bytes;
    try (InputStream in = Files.newInputStream(path)) {
      bytes = in.readNBytes(MAX_BYTES + 1); // it may have grown since
    }
    if (bytes.length > MAX_BYTES) throw tooLarge(bytes.length);
    return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
  }

  private static IOException tooLarge(long size) {
    return new IOException(
        "is " + size + " bytes, more than the limit of " + MAX_BYTES + " bytes for one file");
  }
}
