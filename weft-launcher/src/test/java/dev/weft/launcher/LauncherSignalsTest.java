package dev.weft.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** weft-launch run: signals forwarded to the command, and sidecars stopped after the mains. */
class LauncherSignalsTest {
  @TempDir Path tmp;
  Launch launch;

  @BeforeEach
  void setUp() {
    launch = new Launch(tmp);
  }

  /** A shell loop that announces itself once its traps are set. */
  private static String loop(String traps) {
    return traps + " echo ready; while :; do sleep 0.05; done";
  }

  @Test
  void sigtermToTheLauncherReachesTheCommand() throws Exception {
    Launch.Running running =
        launch.start("run", "--name", "main", "--", "sh", "-c", loop("trap 'exit 7' TERM;"));
    launch.awaitOutput("main", "ready");

    running.process().destroy(); // SIGTERM

    assertThat(running.await().code()).isEqualTo(7);
    assertThat(launch.ctrText("main", "exit")).isEqualTo("7");
  }

  @Test
  void sigusr1ToTheLauncherReachesTheCommand() throws Exception {
    Launch.Running running =
        launch.start("run", "--name", "main", "--", "sh", "-c", loop("trap 'exit 11' USR1;"));
    launch.awaitOutput("main", "ready");

    new ProcessBuilder("kill", "-USR1", Long.toString(running.process().pid())).start().waitFor();

    assertThat(running.await().code()).isEqualTo(11);
  }

  @Test
  void aSidecarStopsItsCommandWhenTheMainsExitFileAppears() throws Exception {
    Launch.Running sidecar =
        launch.start(
            "run", "--name", "side", "--sidecar", "--main", "main", "--", "sh", "-c", loop(""));
    launch.awaitOutput("side", "ready");
    assertThat(sidecar.process().isAlive()).isTrue();

    assertThat(launch.run("run", "--name", "main", "--", "true").code()).isZero();

    Launch.Result r = sidecar.await();
    assertThat(r.code()).isEqualTo(128 + 15);
    assertThat(launch.ctrText("side", "exit")).isEqualTo("143");
  }

  @Test
  void aSidecarWaitsForEveryMain() throws Exception {
    Launch.Running sidecar =
        launch.start(
            "run",
            "--name",
            "side",
            "--sidecar",
            "--main",
            "a",
            "--main",
            "b",
            "--",
            "sh",
            "-c",
            loop("trap 'exit 0' TERM;"));
    launch.awaitOutput("side", "ready");

    assertThat(launch.run("run", "--name", "a", "--", "true").code()).isZero();
    assertThat(sidecar.process().waitFor(500, TimeUnit.MILLISECONDS)).isFalse();
    assertThat(launch.run("run", "--name", "b", "--", "true").code()).isZero();

    assertThat(sidecar.await().code()).isZero();
  }

  @Test
  void aSidecarCommandThatIgnoresSigtermIsKilledAfterTheGrace() throws Exception {
    Launch.Running sidecar =
        launch.start(
            "run",
            "--name",
            "side",
            "--sidecar",
            "--main",
            "main",
            "--grace",
            "1",
            "--",
            "sh",
            "-c",
            loop("trap '' TERM;"));
    launch.awaitOutput("side", "ready");
    Files.createDirectories(launch.ctr("main", "exit").getParent());
    Files.writeString(launch.ctr("main", "exit"), "0");
    long start = System.nanoTime();

    Launch.Result r = sidecar.await();

    assertThat(r.code()).isEqualTo(128 + 9);
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(900);
  }
}
