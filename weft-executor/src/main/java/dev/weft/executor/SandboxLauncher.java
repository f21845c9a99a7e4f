package dev.weft.executor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs a container under bubblewrap: the container root bound at {@code /}, host {@code /usr} and
 * {@code /etc} read-only, fresh {@code /proc}, {@code /dev}, {@code /run}, the shim directory
 * read-only at {@code /opt/weft/bin}, the mounts, and new pid, ipc and uts namespaces. When the
 * main process ends the namespace's init exits and the kernel kills every other process in it.
 */
final class SandboxLauncher implements Launcher {

  /** Creates the merged-/usr symlinks (bwrap refuses to recreate them on a reused root). */
  static void prepareRoot(Path root) throws IOException {
    Files.createDirectories(root);
    for (Map.Entry<String, String> link : ContainerFs.USR_LINKS.entrySet()) {
      Path at = root.resolve(link.getKey().substring(1));
      if (!Files.exists(at, LinkOption.NOFOLLOW_LINKS)) {
        Files.createSymbolicLink(at, Path.of(link.getValue().substring(1)));
      }
    }
    // The directories a base image has, so steps can write to /mnt/out or /home as on a Pod.
    for (String dir : IMAGE_DIRS) Files.createDirectories(root.resolve(dir));
  }

  private static final List<String> IMAGE_DIRS =
      List.of("tmp", "mnt", "home", "root", "srv", "media", "var/tmp", "var/log", "work");

  /** The bwrap options common to every container (root, system dirs, namespaces). */
  static List<String> bwrapPrefix(Path root, String hostname) {
    List<String> argv = new ArrayList<>(List.of(SandboxMode.BWRAP, "--bind", root.toString(), "/"));
    for (String dir : ContainerFs.SYSTEM_DIRS) {
      argv.addAll(List.of("--ro-bind", dir, dir));
    }
    argv.addAll(
        List.of(
            "--proc",
            "/proc",
            "--dev",
            "/dev",
            "--tmpfs",
            "/run",
            "--dir",
            "/tmp",
            "--unshare-pid",
            "--unshare-ipc",
            "--unshare-uts",
            "--hostname",
            hostname,
            "--die-with-parent",
            "--new-session"));
    return argv;
  }

  @Override
  public void prepareRoot(ContainerFs fs, Path shimDir) throws IOException {
    prepareRoot(fs.root());
  }

  @Override
  public String scriptArgument(ContainerFs fs) {
    return CommandLine.SCRIPT_PATH;
  }

  @Override
  public Optional<Path> findExecutable(
      String program, Map<String, String> env, Path hostCwd, ContainerFs fs, Path shimDir) {
    return ExecutableLookup.find(
        program, env.getOrDefault("PATH", ""), hostCwd, path -> fs.viewPath(path, shimDir));
  }

  @Override
  public ProcessBuilder processBuilder(Launch launch) {
    List<String> argv = new ArrayList<>(Launcher.rlimitPrefix(launch.limits()));
    argv.addAll(bwrapPrefix(launch.fs().root(), launch.hostname()));
    argv.addAll(List.of("--ro-bind", launch.shimDir().toString(), ContainerFs.SHIM_PATH));
    // Outermost mount first, so nested mounts land on top of their parents.
    for (Mount mount : launch.fs().mounts().reversed()) {
      argv.add(mount.readOnly() ? "--ro-bind" : "--bind");
      argv.add(mount.hostPath().toAbsolutePath().toString());
      argv.add(mount.containerPath());
    }
    argv.addAll(List.of("--chdir", launch.workingDir(), "--"));
    argv.addAll(launch.argv());
    ProcessBuilder builder = new ProcessBuilder(argv).directory(launch.fs().root().toFile());
    builder.environment().clear();
    builder.environment().putAll(launch.env());
    return builder;
  }

  @Override
  public void signal(ProcessHandle process, boolean force) {
    // The namespace's init (bwrap) ignores SIGTERM, so the container's processes get it; SIGKILL
    // reaches init too, which tears down the whole pid namespace.
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
    }
  }
}
