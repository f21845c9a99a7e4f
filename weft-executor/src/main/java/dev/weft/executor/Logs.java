package dev.weft.executor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reading captured container output. */
public final class Logs {
  private Logs() {}

  /** The file's first {@code maxBytes} bytes as UTF-8; "" if the file does not exist. */
  /** The last {@code maxBytes} bytes of the file (all of it when shorter), never more in memory. */
  public static String readTail(Path file, int maxBytes) {
    try (java.io.RandomAccessFile raf = new java.io.RandomAccessFile(file.toFile(), "r")) {
      long length = raf.length();
      int n = (int) Math.min(length, maxBytes);
      byte[] bytes = new byte[n];
      raf.seek(length - n);
      raf.readFully(bytes);
      return new String(bytes, StandardCharsets.UTF_8);
    } catch (java.io.FileNotFoundException e) {
      return "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String readCapped(Path file, int maxBytes) {
    if (maxBytes < 0) {
      throw new IllegalArgumentException("maxBytes must be >= 0");
    }
    try (InputStream in = Files.newInputStream(file)) {
      return new String(in.readNBytes(maxBytes), StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
