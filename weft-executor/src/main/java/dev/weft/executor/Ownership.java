package dev.weft.executor;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;

/**
 * Hands the files Weft prepared for a container (its root, inputs, scripts, the volume directories
 * it provisioned) to the container's root user in the mapped id range: Weft creates them as host
 * root, which the container's user namespace does not map, so without this the container could not
 * write its own {@code /tmp}. Only files host root owns change hands; what a container already owns
 * stays as it is.
 *
 * <p>A volume may be shared with a pod that runs meanwhile and swaps a directory for a symbolic
 * link, so the walk goes through directory handles ({@code openat} and {@code fchownat} without
 * following links), never through paths a container could redirect.
 */
final class Ownership {
  private Ownership() {}

  private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;

  /** Gives {@code top} and every file under it that host root owns to {@code uid}:{@code gid}. */
  static void give(Path top, long uid, long gid) throws IOException {
    if (!Files.exists(top, NOFOLLOW) || Files.isSymbolicLink(top)) return;
    adopt(Files.getFileAttributeView(top, PosixFileAttributeView.class, NOFOLLOW), uid, gid);
    if (!Files.isDirectory(top, NOFOLLOW)) return;
    try (SecureDirectoryStream<Path> dir = SafePaths.openSecure(top)) {
      walk(dir, uid, gid, 0);
    }
  }

  /** How deep a volume may nest: a step cannot make Weft recurse without end. */
  static final int MAX_DEPTH = 256;

  private static void walk(SecureDirectoryStream<Path> dir, long uid, long gid, int depth)
      throws IOException {
    if (depth > MAX_DEPTH) {
      throw new IOException("a volume nests more than " + MAX_DEPTH + " directories deep");
    }
    for (Path entry : dir) {
      Path name = entry.getFileName();
      try {
        PosixFileAttributeView view =
            dir.getFileAttributeView(name, PosixFileAttributeView.class, NOFOLLOW);
        PosixFileAttributes attrs = view.readAttributes();
        // A link's owner grants nothing (and the JDK cannot change it without following it).
        if (attrs.isSymbolicLink()) continue;
        if (attrs.isDirectory()) {
          try (SecureDirectoryStream<Path> child = dir.newDirectoryStream(name, NOFOLLOW)) {
            // Through the opened handle: the name may point elsewhere by now.
            adopt(child.getFileAttributeView(PosixFileAttributeView.class), uid, gid);
            walk(child, uid, gid, depth + 1);
          }
        } else {
          adopt(view, uid, gid);
        }
      } catch (NoSuchFileException gone) {
        // Removed or renamed since it was listed (another container of the pod shares the
        // volume): what is gone has no owner to hand over.
      }
    }
  }

  private static void adopt(PosixFileAttributeView view, long uid, long gid) throws IOException {
    if (!view.readAttributes().owner().equals(principal(0))) return;
    view.setOwner(principal(uid));
    view.setGroup(LOOKUP.lookupPrincipalByGroupName(Long.toString(gid)));
  }

  private static final UserPrincipalLookupService LOOKUP =
      FileSystems.getDefault().getUserPrincipalLookupService();

  /** Numeric ids are looked up as such when no account has that name. */
  private static UserPrincipal principal(long uid) throws IOException {
    return LOOKUP.lookupPrincipalByName(Long.toString(uid));
  }
}
