package dev.weft.controller.provenance;

import dev.weft.provenance.Envelope;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Envelopes as files: {@code ROOT/{namespace}/{uid}.intoto.json}. Namespace and uid come from the
 * store, which validates them, but they are checked again here: nothing else may name a path.
 */
public final class LocalAttestations implements Attestations {
  private final Path root;

  public LocalAttestations(Path root) {
    this.root = root;
  }

  /** The file of this run's envelope. */
  public Path file(String namespace, String uid) {
    Attestations.checkNames(namespace, uid);
    return root.resolve(namespace).resolve(uid + ".intoto.json");
  }

  @Override
  public Optional<byte[]> read(String namespace, String uid) throws IOException {
    Path file = file(namespace, uid);
    if (Files.isSymbolicLink(file.getParent())) {
      throw new IOException(file.getParent() + " is a symbolic link; Weft never follows one here");
    }
    try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
      byte[] bytes = in.readNBytes(Envelope.MAX_BYTES + 1);
      if (bytes.length > Envelope.MAX_BYTES) {
        throw new IOException(file + " is larger than " + Envelope.MAX_BYTES + " bytes");
      }
      return Optional.of(bytes);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (FileSystemException e) {
      if (Files.isSymbolicLink(file)) {
        throw new IOException(file + " is a symbolic link; Weft never follows one here");
      }
      throw e;
    }
  }

  @Override
  public String write(String namespace, String uid, byte[] envelope) throws IOException {
    Path file = file(namespace, uid);
    Path dir = file.getParent();
    Files.createDirectories(dir);
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      throw new IOException(dir + " is not a directory");
    }
    Path tmp = Files.createTempFile(dir, ".envelope-", ".tmp");
    try {
      Files.write(tmp, envelope);
      try (var ch =
          java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE)) {
        ch.force(true); // durable before it is named: the workflow's annotation will point at it
      }
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(tmp);
    }
    return file.toString();
  }

  @Override
  public String describe(String namespace, String uid) {
    return file(namespace, uid).toString();
  }
}
