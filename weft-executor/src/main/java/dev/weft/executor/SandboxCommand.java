package dev.weft.executor;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The bubblewrap command line a container runs under, for callers that want the sandbox without a
 * pod: the benchmarks compare Weft with a shell loop spawning the same sandboxed process.
 */
public final class SandboxCommand {
  private SandboxCommand() {}

  /**
   * Prepares {@code root} as a container root and returns the command running {@code argv} in it,
   * confined as a container with the default security context; {@code filterDir} receives the
   * seccomp program.
   */
  public static List<String> of(Path root, String hostname, List<String> argv, Path filterDir)
      throws IOException {
    return of(root, hostname, argv, filterDir, Confinement.forThisProcess());
  }

  /** The same, confined as {@code confinement} says (a root or an unprivileged Weft's). */
  static List<String> of(
      Path root, String hostname, List<String> argv, Path filterDir, Confinement confinement)
      throws IOException {
    SandboxLauncher.prepareRoot(root);
    confinement.handOver(root);
    ContainerSecurity security = ContainerSecurity.DEFAULT;
    Path environment =
        Confinement.environmentFile(
            Map.of("PATH", ContainerEnv.DEFAULT_PATH), filterDir.resolve(hostname + ".env"));
    List<String> command =
        new ArrayList<>(confinement.openDescriptors(security, filterDir, environment));
    command.addAll(SandboxLauncher.bwrapPrefix(root, hostname, false));
    command.addAll(confinement.bwrapOptions(security));
    command.add("--");
    command.addAll(confinement.identity(security));
    command.addAll(argv);
    return command;
  }
}
