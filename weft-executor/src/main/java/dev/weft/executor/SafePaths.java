package dev.weft.executor;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Host paths built from user input, and reading what a step left under its root. Every path a user
 * names (an artifact key, a subPath, an output path) is a relative path that must stay inside its
 * root after normalisation; files a step wrote are read through directory descriptors with {@code
 * O_NOFOLLOW} ({@link SecureDirectoryStream}), so a symlink the step planted is never followed on
 * the host, not even one swapped in while Weft reads.
 *
 * <p>What a symlink becomes: inside a copied directory it is copied as a link (as tar keeps it);
 * the named file or directory itself, or any directory on the way to it, being a link is refused
 * with a message naming it.
 */
public final class SafePaths {
  private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;

  private SafePaths() {}

  /**
   * The directory {@code dir} (a path Weft chose) as a handle through which its entries are opened
   * relative to it ({@code openat}), never by a path a step could redirect.
   */
  static SecureDirectoryStream<Path> openSecure(Path dir) throws IOException {
    DirectoryStream<Path> d = Files.newDirectoryStream(dir);
    if (d instanceof SecureDirectoryStream<Path> s) return s;
    d.close();
    throw new IOException("this platform cannot open files without following symlinks");
  }

  /** The attributes of entry {@code name} of {@code dir} (a link's own), or null if none. */
  static BasicFileAttributes entry(SecureDirectoryStream<Path> dir, Path name) throws IOException {
    try {
      return dir.getFileAttributeView(name, BasicFileAttributeView.class, NOFOLLOW)
          .readAttributes();
    } catch (NoSuchFileException e) {
      return null;
    }
  }

  /**
   * The most {@link #readString} reads: an output parameter ends up in the workflow's status, which
   * Kubernetes limits to about 1.5 MiB as a whole.
   */
  public static final int MAX_READ = 1 << 20;

  /**
   * A user-supplied relative path, normalised: not empty, not absolute, no {@code ..} component, no
   * empty or {@code .} component. {@code what} names it in the error.
   */
  public static String relative(String path, String what) throws IOException {
    if (path == null || path.isEmpty()) throw new IOException(what + ": must not be empty");
    if (path.startsWith("/")) {
      throw new IOException(what + ": \"" + path + "\" must be a relative path");
    }
    List<String> parts = new ArrayList<>();
    for (String part : path.split("/", -1)) {
      if (part.equals("..")) {
        throw new IOException(what + ": \"" + path + "\" must not contain \"..\"");
      }
      if (part.indexOf('\0') >= 0) throw new IOException(what + ": contains a NUL character");
      if (!part.isEmpty() && !part.equals(".")) parts.add(part);
    }
    if (parts.isEmpty()) throw new IOException(what + ": \"" + path + "\" names no file");
    return String.join("/", parts);
  }

  /** One file name: not empty, not {@code .} or {@code ..}, no {@code /}. */
  public static String fileName(String name, String what) throws IOException {
    if (name == null || name.isEmpty() || name.equals(".") || name.equals("..")) {
      throw new IOException(what + ": \"" + name + "\" is not a valid file name");
    }
    if (name.indexOf('/') >= 0 || name.indexOf('\0') >= 0) {
      throw new IOException(what + ": \"" + name + "\" must not contain \"/\"");
    }
    return name;
  }

  /** {@code root/relative} after validating {@code relative} and checking containment. */
  public static Path under(Path root, String relative, String what) throws IOException {
    Path base = root.toAbsolutePath().normalize();
    Path p = base.resolve(relative(relative, what)).normalize();
    if (!p.startsWith(base) || p.equals(base)) {
      throw new IOException(what + ": \"" + relative + "\" leaves its directory");
    }
    return p;
  }

  /**
   * {@code root/relative}, validated, and checked that no existing component below {@code root} is
   * a symlink: for places Weft is about to create directories in or bind-mount (a subPath in a
   * shared volume). Components that do not exist yet are fine.
   */
  public static Path noLinksUnder(Path root, String relative, String what) throws IOException {
    Path target = under(root, relative, what);
    Path base = root.toAbsolutePath().normalize();
    Path p = base;
    for (Path part : base.relativize(target)) {
      p = p.resolve(part);
      if (Files.isSymbolicLink(p)) {
        throw new IOException(
            what
                + ": \""
                + base.relativize(p)
                + "\" is a symbolic link, which Weft does not follow");
      }
    }
    return target;
  }

  /**
   * Reads the regular file at {@code base/relative} without following any symlink; empty if it does
   * not exist or is not a regular file. A symlink on the way is an error.
   */
  public static Optional<String> readString(Path base, String relative, String what)
      throws IOException {
    try (Walk w = Walk.to(base, relative, what)) {
      if (w == null) return Optional.empty();
      BasicFileAttributes a = w.attributes();
      if (a != null && a.isSymbolicLink()) throw w.isLink(relative);
      if (a == null || !a.isRegularFile()) return Optional.empty();
      try (SeekableByteChannel ch = w.openFile();
          InputStream in = Channels.newInputStream(ch)) {
        byte[] bytes = in.readNBytes(MAX_READ + 1);
        if (bytes.length > MAX_READ) {
          throw new IOException(
              what + ": " + relative + " is larger than " + (MAX_READ >> 10) + " KiB, the limit");
        }
        return Optional.of(new String(bytes, StandardCharsets.UTF_8));
      }
    }
  }

  /**
   * The last {@code maxBytes} bytes of the regular file at {@code base/relative}, following no
   * symlink; empty if it does not exist or is not a regular file. A symlink on the way is an error.
   */
  public static Optional<String> readTail(Path base, String relative, int maxBytes, String what)
      throws IOException {
    try (Walk w = Walk.to(base, relative, what)) {
      if (w == null) return Optional.empty();
      BasicFileAttributes a = w.attributes();
      if (a != null && a.isSymbolicLink()) throw w.isLink(relative);
      if (a == null || !a.isRegularFile()) return Optional.empty();
      try (SeekableByteChannel ch = w.openFile()) {
        long size = ch.size();
        int n = (int) Math.min(size, maxBytes);
        ch.position(size - n);
        InputStream in = Channels.newInputStream(ch);
        return Optional.of(new String(in.readNBytes(n), StandardCharsets.UTF_8));
      }
    }
  }

  /** Whether {@code base/relative} exists (as anything, a link included), following no link. */
  public static boolean exists(Path base, String relative, String what) throws IOException {
    try (Walk w = Walk.to(base, relative, what)) {
      return w != null && w.attributes() != null;
    }
  }

  /**
   * Copies the file or directory at {@code base/relative} to {@code target} (which must not exist)
   * without following symlinks: links inside a directory are copied as links, the named file being
   * a link is refused. Returns false if there is nothing at {@code base/relative}.
   */
  public static boolean copyOut(Path base, String relative, Path target, String what)
      throws IOException {
    try (Walk w = Walk.to(base, relative, what)) {
      if (w == null) return false;
      BasicFileAttributes a = w.attributes();
      if (a == null) return false;
      if (a.isSymbolicLink()) throw w.isLink(relative);
      Files.createDirectories(target.toAbsolutePath().getParent());
      if (a.isDirectory()) {
        try (SecureDirectoryStream<Path> dir = w.openDirectory()) {
          copyDirectory(dir, base.resolve(w.shown()), target, relative, what);
        }
      } else if (a.isRegularFile()) {
        try (SeekableByteChannel ch = w.openFile()) {
          copyFile(ch, target, w.permissions());
        }
      } else {
        throw new IOException(what + ": " + relative + " is not a regular file or directory");
      }
      return true;
    }
  }

  /** How deep a step's directory tree may nest: deeper ones are refused, not walked. */
  static final int MAX_DEPTH = 256;

  private static void copyDirectory(
      SecureDirectoryStream<Path> dir, Path source, Path target, String shown, String what)
      throws IOException {
    if (shown.chars().filter(c -> c == '/').count() > MAX_DEPTH) {
      throw new IOException(what + ": nested more than " + MAX_DEPTH + " directories deep");
    }
    Files.createDirectory(target);
    List<Path> names = new ArrayList<>();
    for (Path entry : dir) names.add(entry.getFileName());
    for (Path name : names) {
      BasicFileAttributes a =
          dir.getFileAttributeView(name, BasicFileAttributeView.class, NOFOLLOW).readAttributes();
      Path to = target.resolve(name.toString());
      String inner = shown + "/" + name;
      if (a.isSymbolicLink()) {
        // Recreated as a link, never dereferenced. Java has no readlinkat, so the target is read
        // by path: a race can at worst yield another link's target, a string, never content.
        Files.createSymbolicLink(to, Files.readSymbolicLink(source.resolve(name.toString())));
      } else if (a.isDirectory()) {
        try (SecureDirectoryStream<Path> sub = dir.newDirectoryStream(name, NOFOLLOW)) {
          copyDirectory(sub, source.resolve(name.toString()), to, inner, what);
        }
      } else if (a.isRegularFile()) {
        try (SeekableByteChannel ch =
            dir.newByteChannel(name, Set.of(StandardOpenOption.READ, NOFOLLOW))) {
          copyFile(ch, to, permissions(dir, name));
        }
      } else {
        throw new IOException(what + ": " + inner + " is not a regular file, directory or link");
      }
    }
  }

  private static void copyFile(
      SeekableByteChannel from, Path to, Set<PosixFilePermission> permissions) throws IOException {
    try (InputStream in = Channels.newInputStream(from);
        OutputStream out = Files.newOutputStream(to, StandardOpenOption.CREATE_NEW, NOFOLLOW)) {
      in.transferTo(out);
    }
    if (permissions != null) Files.setPosixFilePermissions(to, permissions);
  }

  private static Set<PosixFilePermission> permissions(SecureDirectoryStream<Path> dir, Path name)
      throws IOException {
    PosixFileAttributeView v =
        dir.getFileAttributeView(name, PosixFileAttributeView.class, NOFOLLOW);
    return v == null ? null : v.readAttributes().permissions();
  }

  /**
   * An open directory and a name in it, reached from a base directory one component at a time with
   * {@code O_NOFOLLOW}.
   */
  private record Walk(SecureDirectoryStream<Path> parent, Path name, String shown, String what)
      implements AutoCloseable {
    /** Null when the base or a directory on the way does not exist. */
    static Walk to(Path base, String relative, String what) throws IOException {
      String rel = relative(relative, what);
      String[] parts = rel.split("/");
      SecureDirectoryStream<Path> dir = open(base);
      if (dir == null) return null;
      try {
        for (int i = 0; i < parts.length - 1; i++) {
          Path part = Path.of(parts[i]);
          BasicFileAttributes a = attributes(dir, part);
          if (a == null) {
            dir.close();
            return null;
          }
          if (a.isSymbolicLink()) {
            throw new IOException(
                what
                    + ": "
                    + String.join("/", List.of(parts).subList(0, i + 1))
                    + " is a symbolic link; Weft does not follow links out of a step");
          }
          if (!a.isDirectory()) {
            dir.close();
            return null;
          }
          SecureDirectoryStream<Path> next = dir.newDirectoryStream(part, NOFOLLOW);
          dir.close();
          dir = next;
        }
        return new Walk(dir, Path.of(parts[parts.length - 1]), rel, what);
      } catch (IOException | RuntimeException e) {
        dir.close();
        throw e;
      }
    }

    private static SecureDirectoryStream<Path> open(Path base) throws IOException {
      try {
        return openSecure(base);
      } catch (NoSuchFileException e) {
        return null;
      }
    }

    private static BasicFileAttributes attributes(SecureDirectoryStream<Path> dir, Path name)
        throws IOException {
      return entry(dir, name);
    }

    IOException isLink(String relative) {
      return new IOException(
          what + ": " + relative + " is a symbolic link; Weft does not follow links out of a step");
    }

    BasicFileAttributes attributes() throws IOException {
      return attributes(parent, name);
    }

    Set<PosixFilePermission> permissions() throws IOException {
      return SafePaths.permissions(parent, name);
    }

    SeekableByteChannel openFile() throws IOException {
      try {
        return parent.newByteChannel(name, Set.of(StandardOpenOption.READ, NOFOLLOW));
      } catch (FileAlreadyExistsException e) {
        throw new IOException(what + ": cannot open " + shown, e);
      }
    }

    SecureDirectoryStream<Path> openDirectory() throws IOException {
      return parent.newDirectoryStream(name, NOFOLLOW);
    }

    @Override
    public void close() throws IOException {
      parent.close();
    }
  }
}
