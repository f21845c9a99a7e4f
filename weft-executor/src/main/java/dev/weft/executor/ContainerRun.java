package dev.weft.executor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One container's life: prepare its filesystem, start its process (unless stopped first), wait for
 * it, and stop it on request (SIGTERM, then SIGKILL after the grace period). {@link #run} blocks;
 * call it from a virtual thread.
 */
final class ContainerRun {
  private static final Pattern EXECVP_FAILED =
      Pattern.compile("^bwrap: execvp (.*): No such file or directory", Pattern.MULTILINE);

  private final ContainerSpec spec;
  private final String hostname;
  private final PodLayout layout;
  private final ImageProfiles profiles;
  private final Launcher launcher;
  private final Duration grace;
  private final ContainerFs fs;
  private static final Duration ADOPTED_POLL = Duration.ofMillis(100);
  private final Shim shim;
  private ProcessHandle process;
  private volatile String stopReason;

  ContainerRun(
      ContainerSpec spec,
      String hostname,
      PodLayout layout,
      ImageProfiles profiles,
      Launcher launcher,
      Duration grace) {
    this.spec = spec;
    this.hostname = hostname;
    this.layout = layout;
    this.profiles = profiles;
    this.launcher = launcher;
    this.grace = grace;
    this.fs = new ContainerFs(layout.root(spec.name()), spec.mounts());
    this.shim = new Shim(layout.state(spec.name()));
  }

  String name() {
    return spec.name();
  }

  ContainerFs fs() {
    return fs;
  }

  /** The container's working directory (container path); {@code /} unless the spec sets one. */
  String workingDir() {
    return spec.workingDir().orElse("/");
  }

  /**
   * Runs the container to its end, or, when its shim already claimed it (a restarted executor),
   * waits for that shim or reads how it ended. Never throws: failures become the outcome's error.
   */
  ContainerOutcome run() {
    if (shim.claimed()) return adopt();
    ImageProfile profile = profiles.profileFor(spec.image());
    Launch launch;
    try {
      Path shimDir = profiles.shimDir(profile);
      prepareFiles(profile, shimDir);
      Map<String, String> env = ContainerEnv.of(spec, hostname);
      List<String> argv = CommandLine.argv(spec, profile, env, launcher.scriptArgument(fs));
      if (argv.isEmpty()) {
        return ContainerOutcome.notRun(name(), "no command specified");
      }
      Optional<Path> executable =
          launcher.findExecutable(argv.get(0), env, fs.hostPath(workingDir()), fs, shimDir);
      if (executable.isEmpty()) {
        return notFound(argv.get(0));
      }
      launch =
          new Launch(
              fs,
              shimDir,
              hostname,
              workingDir(),
              argv,
              executable.get(),
              env,
              spec.limits(),
              spec.security(),
              layout.state(name()));
    } catch (IOException | RuntimeException e) {
      return ContainerOutcome.notRun(name(), "cannot prepare container: " + e.getMessage());
    }
    return execute(launch);
  }

  private ContainerOutcome execute(Launch launch) {
    Process started;
    synchronized (this) {
      if (stopReason != null) {
        return ContainerOutcome.notRun(name(), stopReason);
      }
      try {
        Files.createDirectories(layout.stdout(name()).getParent());
        launcher.giveLogs(List.of(layout.stdout(name()), layout.stderr(name())), launch.security());
        ProcessBuilder builder = launcher.processBuilder(launch);
        started =
            builder
                .command(shim.wrap(builder.command()))
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectOutput(layout.stdout(name()).toFile())
                .redirectError(layout.stderr(name()).toFile())
                .start();
      } catch (IOException e) {
        return ContainerOutcome.notRun(name(), "cannot start: " + e.getMessage());
      }
      process = started.toHandle();
    }
    // waitFor, not onExit().join(): onExit completes on the common pool, which may be busy.
    int shimExit = waitFor(started);
    if (shimExit == Shim.ALREADY_STARTED && shim.ended().isEmpty()) {
      return adopt(); // another shim won the race for this container: follow that one
    }
    return recorded();
  }

  /** Follows a container whose shim was started before (by an executor that has since gone). */
  private ContainerOutcome adopt() {
    Optional<ProcessHandle> live = shim.live();
    if (live.isPresent()) {
      synchronized (this) {
        process = live.get();
      }
      if (stopReason != null) stop(stopReason);
      while (live.get().isAlive()) sleep(ADOPTED_POLL);
    }
    return recorded();
  }

  /** The outcome the shim wrote down; a shim gone without writing it lost its container. */
  private ContainerOutcome recorded() {
    Optional<Shim.Ended> ended = shim.ended();
    if (ended.isEmpty()) {
      Instant now = Instant.now();
      String reason =
          stopReason != null
              ? stopReason
              : "the step's process was lost: its supervisor ended without recording an exit code";
      return new ContainerOutcome(name(), 137, true, now, now, Optional.of(reason));
    }
    Shim.Ended e = ended.get();
    Optional<String> sandboxError = sandboxError(e.exitCode());
    return new ContainerOutcome(
        name(), e.exitCode(), sandboxError.isEmpty(), e.startedAt(), e.finishedAt(), sandboxError);
  }

  /**
   * Stops the container: if it has not started it never will ({@code reason} becomes its error); if
   * it runs, it gets SIGTERM and, after the grace period, SIGKILL. Returns immediately.
   */
  void stop(String reason) {
    ProcessHandle running;
    synchronized (this) {
      if (stopReason == null) {
        stopReason = reason;
      }
      running = process;
    }
    if (running == null || !running.isAlive()) {
      return;
    }
    Thread.ofVirtual().name("weft-kill-" + name()).start(() -> terminate(running));
  }

  /** How long SIGKILL is sent again while the shim lives on (it ends once its command is dead). */
  private static final Duration KILL_PERSISTENCE = Duration.ofMinutes(1);

  /** Signals the shim's command (not the shim, which must live to record the exit code). */
  private void terminate(ProcessHandle shimProcess) {
    long deadline = System.nanoTime() + grace.toNanos();
    boolean signalled = false;
    while (shimProcess.isAlive() && System.nanoTime() < deadline) {
      if (!signalled) {
        Optional<ProcessHandle> command = shimProcess.children().findFirst();
        // signalled only once it reached the container: a sandbox still starting gets it again
        signalled = command.isPresent() && launcher.signal(command.get(), false);
      }
      sleep(Duration.ofMillis(20));
    }
    // SIGKILL until the shim has recorded the end: a command it had not started yet when the grace
    // ran out would otherwise start after the only SIGKILL and run on
    long giveUp = System.nanoTime() + KILL_PERSISTENCE.toNanos();
    while (shimProcess.isAlive() && System.nanoTime() < giveUp) {
      shimProcess.children().forEach(command -> launcher.signal(command, true));
      sleep(Duration.ofMillis(20));
    }
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void prepareFiles(ImageProfile profile, Path shimDir) throws IOException {
    for (Mount mount : spec.mounts()) {
      if (covers(mount.containerPath(), STAGING)) {
        throw new IOException(
            "volume mounted at "
                + mount.containerPath()
                + " would hide "
                + STAGING
                + ", where Argo stages a step's script");
      }
      if (!Files.exists(mount.volume(), LinkOption.NOFOLLOW_LINKS)) {
        Files.createDirectories(mount.volume());
      }
      if (!mount.subPath().isEmpty()) {
        // Now, not when the pod was planned: earlier containers may have planted links since.
        Path at =
            SafePaths.noLinksUnder(
                mount.volume(),
                mount.subPath(),
                "volume mount " + mount.containerPath() + " subPath");
        if (!Files.exists(at, LinkOption.NOFOLLOW_LINKS)) Files.createDirectories(at);
      }
    }
    for (Mount inner : spec.mounts()) {
      for (Mount outer : spec.mounts()) {
        if (outer == inner
            || outer.containerPath().equals(inner.containerPath())
            || !ContainerPaths.isUnder(inner.containerPath(), outer.containerPath())) {
          continue;
        }
        // The mount point lies in another volume, made there by path when the sandbox is built.
        HostFile point =
            outer.file(ContainerPaths.relativeTo(inner.containerPath(), outer.containerPath()));
        Path made =
            SafePaths.noLinksUnder(
                point.base(), point.relative(), "volume mount " + inner.containerPath());
        if (!Files.exists(made, LinkOption.NOFOLLOW_LINKS)) Files.createDirectories(made);
      }
    }
    launcher.prepareRoot(fs, shimDir);
    for (Map.Entry<String, String> file : profile.rootFiles().entrySet()) {
      Path target = fs.hostPath(file.getKey());
      Files.createDirectories(target.getParent());
      Files.copy(shimDir.resolve(file.getValue()), target, StandardCopyOption.REPLACE_EXISTING);
    }
    for (FileInput input : spec.inputs()) {
      if (covers(ContainerPaths.normalize(input.containerPath()), STAGING)) {
        throw new IOException(
            "input path "
                + input.containerPath()
                + " would cover "
                + STAGING
                + ", where Argo stages a step's script");
      }
      if (ContainerFs.isReserved(ContainerPaths.normalize(input.containerPath()))) {
        throw new IOException(
            "input path " + input.containerPath() + " is inside a read-only system directory");
      }
      // A shared volume may hold links a step planted, or plants while this copies: none may
      // lead the copy out, and what is already at the path is replaced, not written through.
      HostFile at = fs.hostFile(input.containerPath());
      CopyIn.copy(
          input.hostSource(),
          at.base(),
          at.relative(),
          "input artifact path " + input.containerPath());
    }
    if (spec.script().isPresent()) {
      Path script = fs.hostPath(CommandLine.SCRIPT_PATH);
      Files.createDirectories(script.getParent());
      Files.writeString(script, spec.script().get(), StandardCharsets.UTF_8);
      Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    if (!ContainerFs.isReserved(workingDir())) {
      HostFile dir = fs.hostFile(workingDir());
      Files.createDirectories(
          SafePaths.noLinksUnder(dir.base(), dir.relative(), "workingDir " + workingDir()));
    }
    launcher.handOver(fs);
  }

  /** Where Argo stages script sources; Weft writes the script there, so no volume may cover it. */
  private static final String STAGING = "/argo/staging";

  private static boolean covers(String mountPath, String path) {
    return ContainerPaths.isUnder(path, mountPath) || ContainerPaths.isUnder(mountPath, path);
  }

  private ContainerOutcome notFound(String program) {
    return ContainerOutcome.notRun(name(), "executable file not found: \"" + program + "\"");
  }

  /** bwrap's own failures (it exits 1 and says so on stderr) are errors, not exit codes. */
  private Optional<String> sandboxError(int exitCode) {
    if (exitCode != 1) {
      return Optional.empty();
    }
    String stderr = Logs.readCapped(layout.stderr(name()), 4096);
    Matcher execFailed = EXECVP_FAILED.matcher(stderr);
    if (execFailed.find()) {
      return Optional.of("executable file not found: \"" + execFailed.group(1) + "\"");
    }
    if (stderr.startsWith("bwrap: ")) {
      int end = stderr.indexOf('\n');
      return Optional.of("sandbox: " + (end < 0 ? stderr : stderr.substring(0, end)));
    }
    return Optional.empty();
  }

  private static int waitFor(Process p) {
    while (true) {
      try {
        return p.waitFor();
      } catch (InterruptedException e) {
        // the pod is killed through its process, never by interrupting this wait
      }
    }
  }
}
