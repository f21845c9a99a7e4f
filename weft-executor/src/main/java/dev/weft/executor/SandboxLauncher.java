package dev.weft.executor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs a container under bubblewrap: the container root bound at {@code /}, host {@code /usr} and
 * {@code /etc} read-only, fresh {@code /proc}, {@code /dev}, {@code /run}, the shim directory
 * read-only at {@code /opt/weft/bin}, the mounts, new pid, ipc and uts namespaces, and the {@link
 * Confinement} of its security context (user namespace, capabilities, seccomp). When the main
 * process ends the namespace's init exits and the kernel kills every other process in it.
 */
final class SandboxLauncher implements Launcher {
  private final Confinement confinement;

  SandboxLauncher(Confinement confinement) {
    this.confinement = confinement;
  }

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
    for (String dir : STICKY_DIRS) {
      Files.setAttribute(root.resolve(dir), "unix:mode", 01777);
    }
    // Mount points exist beforehand, so a read-only root needs no new directory.
    for (String dir : MOUNT_POINTS) Files.createDirectories(root.resolve(dir));
  }

  /** Writable by every user, as on an image: a container running as non-root still has them. */
  private static final List<String> STICKY_DIRS = List.of("tmp", "var/tmp");

  private static final List<String> MOUNT_POINTS =
      List.of("usr", "etc", "proc", "dev", "run", ContainerFs.SHIM_PATH.substring(1));

  private static final List<String> IMAGE_DIRS =
      List.of("tmp", "mnt", "home", "root", "srv", "media", "var/tmp", "var/log", "work");

  /** The bwrap options common to every container (root, system dirs, namespaces). */
  static List<String> bwrapPrefix(Path root, String hostname, boolean readOnlyRoot) {
    List<String> argv =
        new ArrayList<>(
            List.of(
                SandboxMode.BWRAP, readOnlyRoot ? "--ro-bind" : "--bind", root.toString(), "/"));
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
    for (Mount mount : fs.mounts()) {
      Path point = fs.root().resolve(ContainerPaths.relativeTo(mount.containerPath(), "/"));
      if (Files.isRegularFile(mount.hostPath(), LinkOption.NOFOLLOW_LINKS)) {
        Files.createDirectories(point.getParent());
        if (!Files.exists(point, LinkOption.NOFOLLOW_LINKS)) Files.createFile(point);
      } else {
        Files.createDirectories(point);
      }
    }
  }

  @Override
  public void giveLogs(List<Path> logs, ContainerSecurity security) throws IOException {
    for (Path log : logs) {
      if (!Files.exists(log, LinkOption.NOFOLLOW_LINKS)) Files.createFile(log);
      confinement.giveTo(log, security);
    }
  }

  @Override
  public void handOver(ContainerFs fs) throws IOException {
    confinement.handOver(fs.root());
    for (Mount mount : fs.mounts()) {
      if (!mount.provisioned()) continue;
      // The volume's own directory, never its subPath: containers write what lies below it, and
      // the walk from there opens each directory without following links.
      Path volume = mount.volume();
      // A new writable volume is open to every user of the pod, as Kubernetes makes an emptyDir.
      if (!mount.readOnly()
          && Files.isDirectory(volume, LinkOption.NOFOLLOW_LINKS)
          && Files.getOwner(volume, LinkOption.NOFOLLOW_LINKS).getName().equals("root")) {
        Files.setPosixFilePermissions(volume, PosixFilePermissions.fromString("rwxrwxrwx"));
      }
      confinement.handOver(volume);
    }
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
  public ProcessBuilder processBuilder(Launch launch) throws IOException {
    ContainerSecurity security = launch.security();
    Path environment =
        Confinement.environmentFile(launch.env(), launch.privateDir().resolve("environment"));
    List<String> argv =
        new ArrayList<>(
            confinement.openDescriptors(security, launch.shimDir().getParent(), environment));
    argv.addAll(Launcher.rlimitPrefix(launch.limits()));
    argv.addAll(
        bwrapPrefix(launch.fs().root(), launch.hostname(), security.readOnlyRootFilesystem()));
    argv.addAll(confinement.bwrapOptions(security));
    argv.addAll(List.of("--ro-bind", launch.shimDir().toString(), ContainerFs.SHIM_PATH));
    // Outermost mount first, so nested mounts land on top of their parents.
    for (Mount mount : launch.fs().mounts().reversed()) {
      argv.add(mount.readOnly() ? "--ro-bind" : "--bind");
      argv.add(mount.hostPath().toAbsolutePath().toString());
      argv.add(mount.containerPath());
    }
    argv.addAll(List.of("--chdir", launch.workingDir(), "--"));
    argv.addAll(confinement.identity(security));
    argv.addAll(launch.argv());
    // Not the container's directory nor its environment: these processes run on the host.
    ProcessBuilder builder = new ProcessBuilder(argv).directory(launch.privateDir().toFile());
    builder.environment().clear();
    builder.environment().putAll(Confinement.HOST_ENV);
    return builder;
  }

  @Override
  public boolean signal(ProcessHandle process, boolean force) {
    // The namespace's init (bwrap) ignores SIGTERM, so the container's processes get it; SIGKILL
    // reaches init too, which tears down the whole pid namespace. Until bwrap has forked the
    // command there is nothing but bwrap to signal, and a SIGTERM sent then would be lost.
    boolean reachedContainer = false;
    for (ProcessHandle p : process.descendants().toList()) {
      if (force) {
        p.destroyForcibly();
      } else {
        p.destroy();
      }
      reachedContainer |= !isBwrap(p);
    }
    if (force) {
      process.destroyForcibly();
    }
    return reachedContainer || !process.isAlive();
  }

  private static boolean isBwrap(ProcessHandle p) {
    return isBwrap(p.info());
  }

  /**
   * Whether the process is bwrap, by its executable or, where that cannot be read (a setuid bwrap
   * makes itself undumpable, so /proc/PID/exe is closed to us), by the argv[0] Weft gave it: the
   * cmdline stays readable, and bwrap's forks keep it until they exec the command. A process known
   * by neither (a zombie) counts as the container's.
   */
  static boolean isBwrap(ProcessHandle.Info info) {
    Optional<String> executable =
        info.command().or(() -> info.commandLine().map(line -> line.split(" ", 2)[0]));
    return executable.map(SandboxMode.BWRAP::equals).orElse(false);
  }
}
