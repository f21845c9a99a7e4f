package dev.weft.controller;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * One service per data directory: two servers adopting the same steps and writing the same store
 * would each drive every workflow. The OS drops the lock when the process dies, kill -9 included,
 * so a crashed server never blocks its successor.
 */
public final class DataDirLock implements AutoCloseable {
  private final FileChannel channel;
  private final FileLock lock;

  private DataDirLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /** The lock, or empty if another process holds it. */
  public static Optional<DataDirLock> tryAcquire(Path dataDir) throws IOException {
    DataDir.createPrivate(dataDir);
    return tryLock(dataDir.resolve("server.lock"));
  }

  /** A lock on {@code file} (created if missing), or empty if another process holds it. */
  public static Optional<DataDirLock> tryLock(Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) Files.createDirectories(parent);
    FileChannel channel =
        FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock = channel.tryLock();
    if (lock == null) {
      channel.close();
      return Optional.empty();
    }
    return Optional.of(new DataDirLock(channel, lock));
  }

  @Override
  public void close() throws IOException {
    lock.release();
    channel.close();
  }
}
