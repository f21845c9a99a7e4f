package dev.weft.executor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The small process that supervises one container, as a container shim does: it runs in a session
 * of its own, so it outlives the JVM that started it, and records on disk that the container
 * started (its own pid, in {@code started}) and how it ended ({@code exit}). A restarted executor
 * reads those files instead of the process, so a container that ended while nobody watched still
 * has its exit code, and one still running is waited for, never started again: {@code started} is
 * created with O_EXCL (noclobber), so a second shim for the same container refuses to run.
 */
final class Shim {
  /** Marks shim processes, so a recorded pid reused by some other process is not mistaken. */
  static final String NAME = "weft-shim";

  /** A second shim for a container that already started exits with this code, running nothing. */
  static final int ALREADY_STARTED = 75;

  // $1 is the state dir, the rest the container's command. The trap keeps the shim alive through
  // signals meant for the container; the loop re-waits when a trapped signal interrupted `wait`.
  // A background command of a shell without job control ignores SIGINT and SIGQUIT; env gives the
  // container their default actions back, as a container's process has them.
  // After the command ends its process group (it is the leader when the host-direct launcher gave
  // it a session) is killed, as nothing of a container outlives its main process.
  private static final String SCRIPT =
      """
      state=$1; shift
      set -C
      { echo $$ >"$state/started"; } 2>/dev/null || exit 75
      set +C
      trap : TERM INT HUP
      /usr/bin/env --default-signal=INT,QUIT "$@" &
      child=$!
      while :; do
        wait "$child"; rc=$?
        kill -0 "$child" 2>/dev/null || break
      done
      kill -KILL -- "-$child" 2>/dev/null
      echo "$rc" >"$state/exit.tmp" && /bin/mv -f "$state/exit.tmp" "$state/exit"
      """;

  /** How a container recorded by its shim ended. */
  record Ended(int exitCode, Instant startedAt, Instant finishedAt) {}

  private final Path stateDir;

  Shim(Path stateDir) {
    this.stateDir = stateDir.toAbsolutePath();
  }

  /** The command line that runs {@code argv} under a new shim. */
  List<String> wrap(List<String> argv) throws IOException {
    Files.createDirectories(stateDir);
    List<String> out = new ArrayList<>(List.of("/usr/bin/setsid", "/bin/sh", "-c", SCRIPT, NAME));
    out.add(stateDir.toString());
    out.addAll(argv);
    return out;
  }

  /** The recorded end, once the shim wrote it. */
  Optional<Ended> ended() {
    try {
      String code = Files.readString(stateDir.resolve("exit"), StandardCharsets.UTF_8).trim();
      Instant started = Files.getLastModifiedTime(stateDir.resolve("started")).toInstant();
      Instant finished = Files.getLastModifiedTime(stateDir.resolve("exit")).toInstant();
      return Optional.of(new Ended(Integer.parseInt(code), started, finished));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** Whether some shim has claimed this container (it may have ended since). */
  boolean claimed() {
    return Files.exists(stateDir.resolve("started"));
  }

  /** The pid of the shim that claimed the container, if it recorded one. */
  OptionalLong claimant() {
    try {
      return OptionalLong.of(
          Long.parseLong(
              Files.readString(stateDir.resolve("started"), StandardCharsets.UTF_8).trim()));
    } catch (IOException | NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  /**
   * Kills the command of a live shim (and everything it started); the shim then records the exit.
   * For steps whose node ended while no executor watched them.
   */
  void killCommand() {
    live().ifPresent(shim -> shim.descendants().forEach(ProcessHandle::destroyForcibly));
  }

  /** The live shim process that claimed this container, if it still runs. */
  Optional<ProcessHandle> live() {
    OptionalLong pid = claimant();
    if (pid.isEmpty()) return Optional.empty();
    return ProcessHandle.of(pid.getAsLong()).filter(this::isOurs);
  }

  private boolean isOurs(ProcessHandle p) {
    if (!p.isAlive()) return false;
    Optional<String[]> args = p.info().arguments();
    // No arguments visible (another user's process): not a shim we started.
    if (args.isEmpty()) return false;
    List<String> list = List.of(args.get());
    return list.contains(NAME) && list.contains(stateDir.toString());
  }
}
