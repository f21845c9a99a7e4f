package dev.weft.executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Test helper: an executor in a given mode, with shims and pods under one temp dir. */
final class Pods {
  /**
   * How long {@link #await} waits: shorter than the tests' long sleeps (30 s, 100 s), so a pod that
   * ends within it was killed; no test asserts how fast.
   */
  static final Duration TIMEOUT = Duration.ofSeconds(20);

  private final Path dir;
  private final SandboxExecutor executor;
  private int count;

  private Pods(Path dir, SandboxMode mode, Launcher launcher) {
    this(dir, mode, launcher, Duration.ofMillis(500));
  }

  private Pods(Path dir, SandboxMode mode, Launcher launcher, Duration grace) {
    this.dir = dir;
    this.executor =
        new SandboxExecutor(new ImageProfiles(dir.resolve("shims")), mode, launcher, grace);
  }

  /**
   * Bubblewrap pods; skips the test where bubblewrap does not work, except in CI, where a sandbox
   * that stopped working must fail the build rather than skip its tests.
   */
  static Pods sandboxed(Path dir) {
    boolean works = SandboxMode.detect() == SandboxMode.NAMESPACES;
    if ("true".equals(System.getenv("CI"))) {
      assertThat(works).as(SandboxMode.probe().message()).isTrue();
    }
    assumeTrue(works, () -> SandboxMode.probe().message());
    return new Pods(dir, SandboxMode.NAMESPACES, Launcher.of(SandboxMode.NAMESPACES));
  }

  /**
   * Bubblewrap pods whose containers get {@code grace} between SIGTERM and SIGKILL (a long one
   * shows whether SIGTERM alone reached them).
   */
  static Pods sandboxed(Path dir, Duration grace) {
    sandboxed(dir);
    return new Pods(dir, SandboxMode.NAMESPACES, Launcher.of(SandboxMode.NAMESPACES), grace);
  }

  /** Host-direct pods as an unprivileged Weft runs them (as root they are refused). */
  static Pods hostDirect(Path dir) {
    return new Pods(dir, SandboxMode.HOST_DIRECT, new HostDirectLauncher(false));
  }

  /** Host-direct pods as a root Weft would run them. */
  static Pods hostDirectAsRoot(Path dir) {
    return new Pods(dir, SandboxMode.HOST_DIRECT, new HostDirectLauncher(true));
  }

  static ContainerSpec container(String name, String image, String... argv) {
    return ContainerSpec.of(name, image, List.of(argv), List.of());
  }

  static ContainerSpec sh(String name, String script) {
    return container(name, "alpine:3", "sh", "-c", script);
  }

  synchronized Path newWorkDir(String podName) {
    return dir.resolve("pods").resolve(podName + "-" + (++count));
  }

  private RunningPod lastPod;

  RunningPod start(String podName, ContainerSpec... containers) {
    return start(PodSpec.of(podName, newWorkDir(podName), List.of(containers)));
  }

  synchronized RunningPod start(PodSpec spec) {
    lastPod = executor.start(spec);
    return lastPod;
  }

  synchronized RunningPod lastPod() {
    return lastPod;
  }

  static PodOutcome await(RunningPod pod) {
    try {
      return pod.completion().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      throw new AssertionError("pod did not complete in " + TIMEOUT, e);
    }
  }

  /** Runs a one-container pod to its end. */
  PodOutcome run(ContainerSpec container) {
    return await(start("pod", container));
  }
}
