package dev.weft.executor;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a tree Weft staged (an input artifact) into a directory containers write (a volume, whose
 * other pods run meanwhile), as host root, without following a link they planted, even one swapped
 * in during the copy: the tree is made in a private scratch directory beside the source and renamed
 * into place from handle to handle ({@code renameat}); every directory on the way is opened with
 * {@code O_NOFOLLOW} (and made, when missing, the same way); what stood at the target is removed
 * through handles too. Nothing is made or written through a path a container could redirect.
 */
final class CopyIn {
  private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;

  private final Path scratch;
  private final SecureDirectoryStream<Path> scratchDir;
  private final String what;
  private int made;

  private CopyIn(Path scratch, SecureDirectoryStream<Path> scratchDir, String what) {
    this.scratch = scratch;
    this.scratchDir = scratchDir;
    this.what = what;
  }

  /** Copies {@code source} to {@code base/relative}, replacing what is there. */
  static void copy(Path source, Path base, String relative, String what) throws IOException {
    String[] parts = SafePaths.relative(relative, what).split("/");
    Files.createDirectories(base);
    // Beside the source: Weft's own, and on the data directory's filesystem, as volumes are.
    Path scratch = Files.createTempDirectory(source.toAbsolutePath().getParent(), ".copy-in");
    try (SecureDirectoryStream<Path> scratchDir = SafePaths.openSecure(scratch)) {
      new CopyIn(scratch, scratchDir, what).copy(source, base, parts);
    } finally {
      FileTrees.deleteQuietly(scratch);
    }
  }

  private void copy(Path source, Path base, String[] parts) throws IOException {
    // The whole tree is made in Weft's own scratch directory, by path (no container reaches it),
    // and then renamed into place in one step, between directory handles.
    Path tree = Path.of("tree");
    FileTrees.copy(source, scratch.resolve(tree));
    if (!Files.isDirectory(source, NOFOLLOW) && !Files.isSymbolicLink(source)) {
      Files.setPosixFilePermissions(
          scratch.resolve(tree), Files.getPosixFilePermissions(source, NOFOLLOW));
    }
    SecureDirectoryStream<Path> dir = SafePaths.openSecure(base);
    try {
      for (int i = 0; i < parts.length - 1; i++) {
        Path name = Path.of(parts[i]);
        if (SafePaths.entry(dir, name) == null) mkdir(dir, name);
        SecureDirectoryStream<Path> next = enter(dir, name);
        dir.close();
        dir = next;
      }
      Path name = Path.of(parts[parts.length - 1]);
      remove(dir, name, 0);
      move(tree, dir, name);
    } finally {
      dir.close();
    }
  }

  /** Renames {@code temp} from the scratch directory to {@code name} in {@code dir}. */
  private void move(Path temp, SecureDirectoryStream<Path> dir, Path name) throws IOException {
    try {
      scratchDir.move(temp, dir, name);
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException(
          what
              + ": the volume is on another filesystem than Weft's data directory, where the"
              + " artifact is staged, so it cannot be placed there safely");
    }
  }

  /** Makes directory {@code name} in {@code dir}: in the scratch directory, renamed into place. */
  private void mkdir(SecureDirectoryStream<Path> dir, Path name) throws IOException {
    Path temp = Path.of("d" + made++);
    Files.createDirectory(scratch.resolve(temp));
    try {
      move(temp, dir, name);
    } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
      // something stands there already: looked at when it is opened
    }
  }

  /** Removes {@code name} under {@code dir} (a tree, recursively), through handles only. */
  private static void remove(SecureDirectoryStream<Path> dir, Path name, int depth)
      throws IOException {
    BasicFileAttributes a = SafePaths.entry(dir, name);
    if (a == null) return;
    if (a.isDirectory()) {
      if (depth > SafePaths.MAX_DEPTH) throw new IOException(name + ": nested too deep");
      try (SecureDirectoryStream<Path> child = dir.newDirectoryStream(name, NOFOLLOW)) {
        List<Path> entries = new ArrayList<>();
        child.forEach(e -> entries.add(e.getFileName()));
        for (Path e : entries) remove(child, e, depth + 1);
      }
      dir.deleteDirectory(name);
    } else {
      dir.deleteFile(name); // a link itself, never what it points at
    }
  }

  /** Opens the directory {@code name} under {@code dir}; a link there is refused. */
  private SecureDirectoryStream<Path> enter(SecureDirectoryStream<Path> dir, Path name)
      throws IOException {
    BasicFileAttributes a = SafePaths.entry(dir, name);
    if (a == null || a.isSymbolicLink() || !a.isDirectory()) {
      throw new IOException(
          what + ": \"" + name + "\" is a symbolic link or not a directory; Weft follows no link");
    }
    try {
      return dir.newDirectoryStream(name, NOFOLLOW);
    } catch (IOException e) {
      throw new IOException(what + ": \"" + name + "\" changed while it was opened", e);
    }
  }
}
