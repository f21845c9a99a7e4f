package dev.weft.cli.verify;

import dev.weft.cli.client.ClientException;
import dev.weft.provenance.statement.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Candidate bytes for {@code weft verify --artifacts DIR}: a subject named {@code a/b/c} is the
 * file {@code DIR/a/b/c}. The name comes from the envelope, which is what is being checked, so it
 * is treated as hostile: no absolute name, no {@code .} or {@code ..} segment, no empty segment,
 * and no symbolic link anywhere below DIR (the last one opened with O_NOFOLLOW), so no name reaches
 * a file outside DIR.
 */
public final class ArtifactDirectory {
  private final Path dir;

  public ArtifactDirectory(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw ClientException.badInput("--artifacts: " + dir + " is not a directory");
    }
    this.dir = dir;
  }

  /** The file's sha256, or empty when DIR has no file by that name. */
  public Optional<String> sha256(String subject) {
    Path file = resolve(subject);
    if (file == null) return Optional.empty();
    try (FileChannel ch =
            FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
        InputStream in = Channels.newInputStream(ch)) {
      return Optional.of(Sha256.hex(in));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw ClientException.badInput(
          "--artifacts: cannot read " + file + " (subject \"" + subject + "\"): " + e.getMessage());
    }
  }

  /** The regular file the name stands for, or null when there is none. */
  private Path resolve(String subject) {
    if (subject.startsWith("/") || subject.indexOf('\0') >= 0) throw unsafe(subject);
    Path at = dir;
    String[] segments = subject.split("/", -1);
    for (String segment : segments) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) throw unsafe(subject);
      at = at.resolve(segment);
      if (Files.isSymbolicLink(at)) {
        throw ClientException.badInput(
            "--artifacts: "
                + at
                + " is a symbolic link; weft verify reads only files that are under the directory"
                + " (subject \""
                + subject
                + "\")");
      }
    }
    return Files.isRegularFile(at, LinkOption.NOFOLLOW_LINKS) ? at : null;
  }

  private static ClientException unsafe(String subject) {
    return ClientException.badInput(
        "subject \""
            + subject
            + "\" is not a relative path under --artifacts; refusing to read it");
  }
}
