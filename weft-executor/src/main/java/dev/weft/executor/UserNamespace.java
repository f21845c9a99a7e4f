package dev.weft.executor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The user namespace sandboxed containers run in when Weft runs as root: ids 0 to 65,535 inside map
 * to the unprivileged host ids {@link #HOST_BASE} and up, so a container's root owns nothing of the
 * host and its capabilities reach only objects of this namespace.
 *
 * <p>A namespace lives while a process is in it; a holder process ({@code unshare --user cat})
 * keeps this one alive for as long as this JVM runs: cat reads the JVM's end of a pipe and exits
 * when the JVM goes, however it goes. Containers join it through {@code /proc/PID/ns/user} when
 * they start, and stay in it after the holder ends. One namespace serves every container of this
 * process, as one id range serves every container under Docker's userns-remap; pid, mount and ipc
 * namespaces still keep containers apart.
 */
final class UserNamespace {
  /** The first host id of the range: the customary start of subordinate ids. */
  static final long HOST_BASE = 100_000;

  static final long SIZE = 65_536;

  private static UserNamespace shared;

  // Its stdin is our end of the pipe; the Process keeps that stream, and so the holder, alive.
  private final Process holder;

  private UserNamespace(Process holder) {
    this.holder = holder;
  }

  /** Whether this process runs as host root, so containers need the mapped id range. */
  static boolean hostIsRoot() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("Uid:")) return line.split("\\s+")[2].equals("0");
      }
    } catch (IOException e) {
      // not Linux: no namespaces either
    }
    return false;
  }

  /** The host uid or gid a container's id maps to. */
  static long hostId(long containerId) {
    return HOST_BASE + containerId;
  }

  /** The shared namespace, started (again, if its holder ended) when needed. */
  static synchronized UserNamespace shared() throws IOException {
    if (shared == null || !shared.holder.isAlive()) shared = start();
    return shared;
  }

  /** Where a process joins it ({@code bwrap --userns2}). */
  Path path() {
    return Path.of("/proc", Long.toString(holder.pid()), "ns", "user");
  }

  private static UserNamespace start() throws IOException {
    Process holder =
        new ProcessBuilder("/usr/bin/unshare", "--user", "/bin/cat")
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    UserNamespace ns = new UserNamespace(holder);
    try {
      ns.awaitUnshared();
      String map = "0 " + HOST_BASE + " " + SIZE + "\n";
      Path proc = Path.of("/proc", Long.toString(holder.pid()));
      Files.writeString(proc.resolve("uid_map"), map, StandardCharsets.US_ASCII);
      Files.writeString(proc.resolve("gid_map"), map, StandardCharsets.US_ASCII);
      return ns;
    } catch (IOException | RuntimeException e) {
      holder.destroyForcibly();
      throw new IOException("cannot create the sandbox's user namespace: " + e.getMessage(), e);
    }
  }

  /** unshare(2) happens after the fork; until then the holder is still in our namespace. */
  private void awaitUnshared() throws IOException {
    Path ours = Path.of("/proc/self/ns/user");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (System.nanoTime() < deadline) {
      if (!holder.isAlive()) throw new IOException("unshare --user exited " + holder.exitValue());
      try {
        if (!Files.readSymbolicLink(path()).equals(Files.readSymbolicLink(ours))) return;
      } catch (IOException e) {
        // /proc entry not there yet
      }
      try {
        Thread.sleep(1);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while creating the user namespace");
      }
    }
    throw new IOException("unshare --user did not start within 5 s");
  }
}
