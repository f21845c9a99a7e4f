package dev.weft.model.codec;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The one reader of the files a user names (workflows, templates, ConfigMaps...): only regular
 * files, only up to {@link #MAX_BYTES}, only UTF-8 text. A FIFO or a device is refused before it is
 * opened, so nothing blocks on it or reads it forever; bad bytes are reported at their line and
 * column instead of the JDK's "Input length = 1".
 */
public final class InputFile {
  /**
   * What the YAML parser reads at most (its code point limit); Kubernetes refuses objects over 1.5
   * MiB.
   */
  public static final int MAX_BYTES = 3 * 1024 * 1024;

  private static final String LIMIT = MAX_BYTES / (1024 * 1024) + " MiB";

  private InputFile() {}

  /** What reading a file gave: its text, or why it was refused. */
  public sealed interface Read permits Text, Refused {}

  public record Text(String text) implements Read {}

  public record Refused(Diagnostic why) implements Read {}

  public static Read read(Path path) {
    String file = path.toString();
    BasicFileAttributes attrs;
    try {
      attrs = Files.readAttributes(path, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      return refused(file, "no such file");
    } catch (IOException e) {
      return refused(file, "cannot read the file: " + e.getMessage());
    }
    if (attrs.isDirectory()) return refused(file, "is a directory; expected a YAML file");
    if (!attrs.isRegularFile()) {
      return refused(file, "is " + special(path) + ", not a regular file; expected a YAML file");
    }
    if (attrs.size() > MAX_BYTES) return tooLarge(file);
    byte[] bytes;
    try (InputStream in = Files.newInputStream(path)) {
      // Read one byte past the limit: a file that grew, or one whose size the kernel does not
      // report (/proc), is still refused rather than read whole.
      bytes = in.readNBytes(MAX_BYTES + 1);
    } catch (AccessDeniedException e) {
      return refused(file, "permission denied");
    } catch (IOException e) {
      return refused(file, "cannot read the file: " + e.getMessage());
    }
    if (bytes.length > MAX_BYTES) return tooLarge(file);
    return decode(bytes, file);
  }

  /** The bytes as UTF-8 text, or where they stop being text. */
  static Read decode(byte[] bytes, String file) {
    if (bytes.length >= 2
        && ((bytes[0] == (byte) 0xff && bytes[1] == (byte) 0xfe)
            || (bytes[0] == (byte) 0xfe && bytes[1] == (byte) 0xff))) {
      return refused(file, "is UTF-16 text; expected UTF-8");
    }
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        return new Refused(
            Diagnostic.error(at(bytes, i, file), "", "binary file (a NUL byte); expected text"));
      }
    }
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isUnderflow()) result = decoder.flush(out);
    if (result.isError()) {
      int offset = in.position();
      String bad = String.format("0x%02x", bytes[offset] & 0xff);
      return new Refused(
          Diagnostic.error(
              at(bytes, offset, file), "", "not UTF-8 text (byte " + bad + "); expected UTF-8"));
    }
    return new Text(out.flip().toString());
  }

  /** The line and column (in characters, 1-based) of the byte at {@code offset}. */
  private static SourceLocation at(byte[] bytes, int offset, String file) {
    String before = new String(bytes, 0, offset, StandardCharsets.UTF_8);
    int lineStart = before.lastIndexOf('\n') + 1;
    int line = (int) before.chars().filter(c -> c == '\n').count() + 1;
    int column = before.codePointCount(lineStart, before.length()) + 1;
    return new SourceLocation(file, line, column);
  }

  /** A FIFO, a device or a socket, read from the file's mode where the platform tells it. */
  private static String special(Path path) {
    try {
      int mode = (Integer) Files.getAttribute(path, "unix:mode");
      return switch (mode & 0170000) {
        case 0010000 -> "a FIFO";
        case 0020000 -> "a character device";
        case 0060000 -> "a block device";
        case 0140000 -> "a socket";
        default -> "a special file";
      };
    } catch (IOException | RuntimeException e) {
      return "a special file";
    }
  }

  private static Read tooLarge(String file) {
    return refused(file, "is larger than " + LIMIT + ", the limit for an input file");
  }

  private static Read refused(String file, String message) {
    return new Refused(Diagnostic.error(SourceLocation.unknown(file), "", message));
  }
}
