package dev.weft.executor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Which of a sandbox's processes are bwrap, so a SIGTERM that reached only bwrap is sent again:
 * told by the executable, or by argv[0] where the executable cannot be read.
 */
class SandboxLauncherSignalTest {
  /** What ProcessHandle.info() gives: either may be unknown. */
  private record Info(Optional<String> command, Optional<String> commandLine)
      implements ProcessHandle.Info {
    @Override
    public Optional<String[]> arguments() {
      return Optional.empty();
    }

    @Override
    public Optional<Instant> startInstant() {
      return Optional.empty();
    }

    @Override
    public Optional<Duration> totalCpuDuration() {
      return Optional.empty();
    }

    @Override
    public Optional<String> user() {
      return Optional.empty();
    }
  }

  @Test
  void aProcessWhoseExecutableIsBwrapIsBwrap() {
    assertThat(
            SandboxLauncher.isBwrap(
                new Info(Optional.of(SandboxMode.BWRAP), Optional.of("bwrap --bind / /"))))
        .isTrue();
  }

  /** A setuid bwrap is undumpable: its /proc/PID/exe cannot be read, its cmdline can. */
  @Test
  void aBwrapWhoseExecutableCannotBeReadIsToldByItsCommandLine() {
    assertThat(
            SandboxLauncher.isBwrap(
                new Info(Optional.empty(), Optional.of(SandboxMode.BWRAP + " --bind /r / sh"))))
        .isTrue();
  }

  @Test
  void theContainersProcessIsNotBwrapWhetherOrNotItsExecutableCanBeRead() {
    assertThat(
            SandboxLauncher.isBwrap(
                new Info(Optional.of("/usr/bin/sleep"), Optional.of("sleep 30"))))
        .isFalse();
    assertThat(SandboxLauncher.isBwrap(new Info(Optional.empty(), Optional.of("sleep 30"))))
        .isFalse();
  }

  @Test
  void aProcessKnownByNeitherCountsAsTheContainers() {
    assertThat(SandboxLauncher.isBwrap(new Info(Optional.empty(), Optional.empty()))).isFalse();
  }
}
