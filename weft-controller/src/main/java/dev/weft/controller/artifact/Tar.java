package dev.weft.controller.artifact;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** tar.gz archives, as Argo stores artifacts, made with the system's tar. */
final class Tar {
  private Tar() {}

  static void create(Path source, Path archive) throws IOException {
    run(
        List.of(
            "tar",
            "-czf",
            archive.toString(),
            "-C",
            source.getParent().toString(),
            source.getFileName().toString()));
  }

  static void extract(Path archive, Path into) throws IOException {
    run(List.of("tar", "-xzf", archive.toString(), "-C", into.toString()));
  }

  static boolean isGzip(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return in.read() == 0x1f && in.read() == 0x8b;
    }
  }

  private static void run(List<String> command) throws IOException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    try {
      if (p.waitFor() != 0) throw new IOException(String.join(" ", command) + ": " + out.strip());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }
}
