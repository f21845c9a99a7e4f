package dev.weft.executor;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The bubblewrap command line a container runs under, for callers that want the sandbox without a
 * pod: the benchmarks compare Weft with a shell loop spawning the same sandboxed process.
 */
public final class SandboxCommand {
  private SandboxCommand() {}

  /**
   * Prepares {@code root} as a container root and returns the command running {@code argv} in it.
   */
  public static List<String> of(Path root, String hostname, List<String> argv) throws IOException {
    SandboxLauncher.prepareRoot(root);
    List<String> command = new ArrayList<>(SandboxLauncher.bwrapPrefix(root, hostname));
    command.add("--");
    command.addAll(argv);
    return command;
  }
}
