package dev.weft.executor;

import java.time.Duration;
import java.util.Objects;

/**
 * Runs each pod's containers as host processes, sandboxed with bubblewrap ({@link
 * SandboxMode#NAMESPACES}) or, as a fallback, directly on the host ({@link
 * SandboxMode#HOST_DIRECT}).
 *
 * <p>Enforced: a clean environment; per-container root directories; read-only host system
 * directories; pid/ipc/uts namespaces (so killing or ending the main process kills every process of
 * the container); a user namespace, the runtime's default capabilities and a seccomp filter (see
 * {@link Confinement}); memory as a per-process data-segment limit (RLIMIT_DATA via {@code
 * prlimit}). Not enforced: CPU limits (no cgroup delegation), network isolation, and in HOST_DIRECT
 * mode any filesystem isolation of absolute paths (that mode refuses to run steps as root). See the
 * module README.
 */
public final class SandboxExecutor implements Executor {
  /** Time between SIGTERM and SIGKILL when a container is killed. */
  public static final Duration DEFAULT_GRACE = Duration.ofSeconds(2);

  private final ImageProfiles profiles;
  private final SandboxMode mode;
  private final Launcher launcher;
  private final Duration grace;

  public SandboxExecutor(ImageProfiles profiles, SandboxMode mode) {
    this(profiles, mode, DEFAULT_GRACE);
  }

  public SandboxExecutor(ImageProfiles profiles, SandboxMode mode, Duration grace) {
    this(profiles, mode, Launcher.of(mode), grace);
  }

  SandboxExecutor(ImageProfiles profiles, SandboxMode mode, Launcher launcher, Duration grace) {
    this.profiles = Objects.requireNonNull(profiles, "profiles");
    this.mode = Objects.requireNonNull(mode, "mode");
    this.launcher = Objects.requireNonNull(launcher, "launcher");
    this.grace = Objects.requireNonNull(grace, "grace");
  }

  public SandboxMode mode() {
    return mode;
  }

  /**
   * Kills whatever still runs of a pod no executor in this process started: containers whose shim
   * outlived an earlier process. A no-op for a pod with nothing left running.
   */
  public static void killLeftovers(java.nio.file.Path podWorkDir) {
    java.nio.file.Path states = new PodLayout(podWorkDir).workDir().resolve("state");
    if (!java.nio.file.Files.isDirectory(states)) return;
    try (var dirs = java.nio.file.Files.list(states)) {
      dirs.forEach(dir -> new Shim(dir).killCommand());
    } catch (java.io.IOException e) {
      // the pod's files are going away as well
    }
  }

  @Override
  public RunningPod start(PodSpec spec) {
    SandboxPod pod = new SandboxPod(spec, profiles, launcher, grace);
    pod.begin();
    return pod;
  }
}
