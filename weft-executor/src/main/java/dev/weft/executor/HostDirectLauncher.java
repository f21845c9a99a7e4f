package dev.weft.executor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The unsandboxed fallback: the process runs on the host via {@code setsid} (its own session and
 * process group, which is what gets signalled), with the container root (or the working directory
 * inside it) as current directory and the shim directory instead of {@code /opt/weft/bin} on PATH.
 * Mounts appear as symlinks inside the root, so only relative paths see them; absolute paths are
 * the host's own and NOT isolated.
 *
 * <p>Processes run as Weft's own user, so this fallback never runs a step as host root: without a
 * sandbox, a root Weft refuses to start steps.
 */
final class HostDirectLauncher implements Launcher {
  static final String REFUSED_AS_ROOT =
      "no sandbox (bubblewrap is missing or cannot create namespaces here), and without one a step"
          + " is never run as host root: install bubblewrap, or run Weft as an unprivileged user";

  private final boolean hostIsRoot;

  HostDirectLauncher(boolean hostIsRoot) {
    this.hostIsRoot = hostIsRoot;
  }

  @Override
  public void prepareRoot(ContainerFs fs, Path shimDir) throws IOException {
    Files.createDirectories(fs.root());
    for (Mount mount : fs.mounts()) {
      Path link = fs.root().resolve(mount.containerPath().substring(1));
      if (!Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
        Files.createDirectories(link.getParent());
        Files.createSymbolicLink(link, mount.hostPath().toAbsolutePath());
      }
    }
  }

  @Override
  public String scriptArgument(ContainerFs fs) {
    return fs.hostPath(CommandLine.SCRIPT_PATH).toString();
  }

  @Override
  public Optional<Path> findExecutable(
      String program, Map<String, String> env, Path hostCwd, ContainerFs fs, Path shimDir) {
    String path = hostPathVariable(env.getOrDefault("PATH", ""), shimDir);
    return ExecutableLookup.find(program, path, hostCwd, Path::of);
  }

  @Override
  public ProcessBuilder processBuilder(Launch launch) throws IOException {
    if (hostIsRoot) throw new IOException(REFUSED_AS_ROOT);
    List<String> argv = new ArrayList<>();
    argv.add("/usr/bin/setsid");
    argv.addAll(Launcher.rlimitPrefix(launch.limits()));
    argv.add(launch.executable().toString());
    argv.addAll(launch.argv().subList(1, launch.argv().size()));
    Map<String, String> env = new LinkedHashMap<>(launch.env());
    env.put("PATH", hostPathVariable(env.getOrDefault("PATH", ""), launch.shimDir()));
    ProcessBuilder builder =
        new ProcessBuilder(argv).directory(launch.fs().hostPath(launch.workingDir()).toFile());
    builder.environment().clear();
    builder.environment().putAll(env);
    return builder;
  }

  private static String hostPathVariable(String path, Path shimDir) {
    List<String> dirs = new ArrayList<>();
    for (String dir : path.split(":", -1)) {
      dirs.add(dir.equals(ContainerFs.SHIM_PATH) ? shimDir.toString() : dir);
    }
    return String.join(":", dirs);
  }

  @Override
  public void giveLogs(List<Path> logs, ContainerSecurity security) {
    // they are Weft's own user's, as the process is
  }

  @Override
  public void handOver(ContainerFs fs) {
    // Host-direct processes run as Weft's own user, which owns what Weft prepared.
  }

  @Override
  public boolean signal(ProcessHandle process, boolean force) {
    signalGroup(process.pid(), force);
    process
        .descendants()
        .forEach(
            p -> {
              if (force) {
                p.destroyForcibly();
              } else {
                p.destroy();
              }
            });
    if (force) {
      process.destroyForcibly();
    } else {
      process.destroy();
    }
    return true; // the command is the container's process itself
  }

  /** setsid made the process a group leader, so its pid is the group id. */
  private static void signalGroup(long pgid, boolean force) {
    try {
      Process kill =
          new ProcessBuilder("/usr/bin/kill", "-s", force ? "KILL" : "TERM", "--", "-" + pgid)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      kill.waitFor(5, TimeUnit.SECONDS);
    } catch (IOException e) {
      // no kill(1): the descendants are still signalled one by one
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
