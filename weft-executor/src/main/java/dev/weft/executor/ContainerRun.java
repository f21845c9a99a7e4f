package dev.weft.executor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
  private Process process;
  private String stopReason;

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

  /** Runs the container to its end. Never throws: failures become the outcome's error. */
  ContainerOutcome run() {
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
              fs, shimDir, hostname, workingDir(), argv, executable.get(), env, spec.limits());
    } catch (IOException | RuntimeException e) {
      return ContainerOutcome.notRun(name(), "cannot prepare container: " + e.getMessage());
    }
    return execute(launch);
  }

  private ContainerOutcome execute(Launch launch) {
    Process started;
    Instant startedAt;
    synchronized (this) {
      if (stopReason != null) {
        return ContainerOutcome.notRun(name(), stopReason);
      }
      try {
        Files.createDirectories(layout.stdout(name()).getParent());
        started =
            launcher
                .processBuilder(launch)
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectOutput(layout.stdout(name()).toFile())
                .redirectError(layout.stderr(name()).toFile())
                .start();
      } catch (IOException e) {
        return ContainerOutcome.notRun(name(), "cannot start: " + e.getMessage());
      }
      startedAt = Instant.now();
      process = started;
    }
    // waitFor, not onExit().join(): onExit completes on the common pool, which may be busy.
    int exitCode = waitFor(started);
    Instant finishedAt = Instant.now();
    launcher.afterExit(started);
    Optional<String> sandboxError = sandboxError(exitCode);
    if (sandboxError.isPresent()) {
      return new ContainerOutcome(name(), exitCode, false, startedAt, finishedAt, sandboxError);
    }
    return new ContainerOutcome(name(), exitCode, true, startedAt, finishedAt, Optional.empty());
  }

  /**
   * Stops the container: if it has not started it never will ({@code reason} becomes its error); if
   * it runs, it gets SIGTERM and, after the grace period, SIGKILL. Returns immediately.
   */
  void stop(String reason) {
    Process running;
    synchronized (this) {
      if (stopReason == null) {
        stopReason = reason;
      }
      running = process;
    }
    if (running == null || !running.isAlive()) {
      return;
    }
    launcher.signal(running, false);
    Thread.ofVirtual()
        .name("weft-kill-" + name())
        .start(
            () -> {
              try {
                running.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
              } catch (TimeoutException e) {
                launcher.signal(running, true);
              } catch (InterruptedException | ExecutionException e) {
                launcher.signal(running, true);
              }
            });
  }

  private void prepareFiles(ImageProfile profile, Path shimDir) throws IOException {
    launcher.prepareRoot(fs, shimDir);
    for (Mount mount : spec.mounts()) {
      if (!Files.exists(mount.hostPath())) {
        Files.createDirectories(mount.hostPath());
      }
    }
    for (Map.Entry<String, String> file : profile.rootFiles().entrySet()) {
      Path target = fs.hostPath(file.getKey());
      Files.createDirectories(target.getParent());
      Files.copy(shimDir.resolve(file.getValue()), target, StandardCopyOption.REPLACE_EXISTING);
    }
    for (FileInput input : spec.inputs()) {
      if (ContainerFs.isReserved(input.containerPath())) {
        throw new IOException(
            "input path " + input.containerPath() + " is inside a read-only system directory");
      }
      FileTrees.copy(input.hostSource(), fs.hostPath(input.containerPath()));
    }
    if (spec.script().isPresent()) {
      Path script = fs.hostPath(CommandLine.SCRIPT_PATH);
      Files.createDirectories(script.getParent());
      Files.writeString(script, spec.script().get(), StandardCharsets.UTF_8);
      Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    if (!ContainerFs.isReserved(workingDir())) {
      Files.createDirectories(fs.hostPath(workingDir()));
    }
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
