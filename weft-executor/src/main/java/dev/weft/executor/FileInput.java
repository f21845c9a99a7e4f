package dev.weft.executor;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A host file or directory copied into a container's filesystem before it starts (an input
 * artifact). If {@code containerPath} lies under a {@link Mount}, it is copied into that mount's
 * host directory.
 */
public record FileInput(Path hostSource, String containerPath) {
  public FileInput {
    Objects.requireNonNull(hostSource, "hostSource");
    containerPath = ContainerPaths.requireAbsolute(containerPath);
  }
}
