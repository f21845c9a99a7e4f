package dev.weft.executor;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** How a container's process is started and signalled, per {@link SandboxMode}. */
sealed interface Launcher permits SandboxLauncher, HostDirectLauncher {

  static Launcher of(SandboxMode mode) {
    return switch (mode) {
      case NAMESPACES -> new SandboxLauncher(Confinement.forThisProcess());
      case HOST_DIRECT -> new HostDirectLauncher(UserNamespace.hostIsRoot());
    };
  }

  /** Makes the container root ready (before inputs are copied in). */
  void prepareRoot(ContainerFs fs, Path shimDir) throws IOException;

  /** The path the process is given for the staged script. */
  String scriptArgument(ContainerFs fs);

  /** The host file the process would execute for {@code program}, if any. */
  Optional<Path> findExecutable(
      String program, Map<String, String> env, Path hostCwd, ContainerFs fs, Path shimDir);

  /**
   * Hands what was prepared for the container (root, inputs, provisioned volumes) to the user it
   * runs as, once everything is in place.
   */
  void handOver(ContainerFs fs) throws IOException;

  /**
   * Makes the container's log files, which become its stdout and stderr, its own: a process that
   * reopens {@code /dev/stderr} opens the file again, as the container's user.
   */
  void giveLogs(List<Path> logs, ContainerSecurity security) throws IOException;

  /** The process to start, with argv, environment and directory set (output not redirected). */
  ProcessBuilder processBuilder(Launch launch) throws IOException;

  /**
   * Sends SIGTERM ({@code force} false) or SIGKILL to every process of the container whose command
   * (what {@link #processBuilder} started, under its shim) is {@code command}.
   *
   * @return whether the container's own processes were there to get it: false while the sandbox
   *     around them is still being set up, when the caller must try again
   */
  boolean signal(ProcessHandle command, boolean force);

  /** {@code prlimit} options for the limits that can be enforced without cgroups. */
  static List<String> rlimitPrefix(Resources limits) {
    List<String> prefix = new ArrayList<>();
    if (limits.memoryBytes().isPresent()) {
      prefix.add("/usr/bin/prlimit");
      prefix.add("--data=" + limits.memoryBytes().getAsLong());
      prefix.add("--");
    }
    return prefix;
  }
}
