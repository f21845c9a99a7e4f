package dev.weft.executor;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A file a step may have written, as a trusted host directory and a path below it that the step
 * controls: read it with {@link SafePaths} from {@code base}, never through {@link #path()}.
 *
 * @param base a directory Weft made (a container root, a volume's host directory, or its parent)
 * @param relative a normalised relative path below {@code base}, never empty
 */
public record HostFile(Path base, String relative) {
  public HostFile {
    Objects.requireNonNull(base, "base");
    if (relative == null || relative.isEmpty()) {
      // the directory itself: name it from its parent
      relative = base.getFileName().toString();
      base = base.toAbsolutePath().getParent();
    }
  }

  /** The joined path, for messages and for callers that trust every component. */
  public Path path() {
    return base.resolve(relative);
  }
}
