package dev.weft.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** weft-launch run: the command, its exit code, its output, and the run-once rule. */
class LauncherRunTest {
  @TempDir Path tmp;
  Launch launch;

  @BeforeEach
  void setUp() {
    launch = new Launch(tmp);
  }

  @Test
  void runsTheCommandAndExitsWithItsExitCode() throws Exception {
    Launch.Result r = launch.run("run", "--name", "main", "--", "sh", "-c", "exit 3");

    assertThat(r.code()).isEqualTo(3);
    assertThat(launch.ctrText("main", "exit")).isEqualTo("3");
    assertThat(launch.ctr("main", "error")).doesNotExist();
  }

  @Test
  void outputReachesOwnStdoutAndStderrAndTheContainerFiles() throws Exception {
    Launch.Result r =
        launch.run("run", "--name", "main", "--", "sh", "-c", "echo to-out; echo to-err >&2");

    assertThat(r.code()).isZero();
    assertThat(r.stdout()).isEqualTo("to-out\n");
    assertThat(r.stderr()).isEqualTo("to-err\n");
    assertThat(launch.ctrText("main", "stdout")).isEqualTo("to-out\n");
    assertThat(launch.ctrText("main", "stderr")).isEqualTo("to-err\n");
  }

  @Test
  void outputWrittenJustBeforeExitIsNotLost() throws Exception {
    // Far more than a pipe holds, and the command exits right after writing the last of it.
    Launch.Result r =
        launch.run("run", "--name", "main", "--", "sh", "-c", "seq 1 200000; echo last >&2");

    StringBuilder expected = new StringBuilder();
    for (int i = 1; i <= 200000; i++) expected.append(i).append('\n');
    assertThat(r.stdout()).isEqualTo(expected.toString());
    assertThat(launch.ctrText("main", "stdout")).isEqualTo(expected.toString());
    assertThat(launch.ctrText("main", "stderr")).isEqualTo("last\n");
  }

  @Test
  void aSecondStartWithTheSameNameIsRefusedAndDoesNotRunTheCommand() throws Exception {
    assertThat(launch.run("run", "--name", "main", "--", "true").code()).isZero();
    Path marker = tmp.resolve("ran-again");

    Launch.Result again = launch.run("run", "--name", "main", "--", "touch", marker.toString());

    assertThat(again.code()).isEqualTo(64);
    assertThat(again.stderr()).contains("already started");
    assertThat(marker).doesNotExist();
    assertThat(launch.ctrText("main", "exit")).isEqualTo("0");
  }

  @Test
  void aCommandThatIsNotFoundGives127() throws Exception {
    Launch.Result r = launch.run("run", "--name", "main", "--", "no-such-command-weft");

    assertThat(r.code()).isEqualTo(127);
    assertThat(r.stderr()).contains("no-such-command-weft");
    assertThat(launch.ctrText("main", "exit")).isEqualTo("127");
  }

  @Test
  void aCommandThatIsNotExecutableGives126() throws Exception {
    Path file = tmp.resolve("not-executable");
    Files.writeString(file, "#!/bin/sh\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

    assertThat(launch.run("run", "--name", "main", "--", file.toString()).code()).isEqualTo(126);
  }

  @Test
  void aCommandKilledBySignalGives128PlusTheSignal() throws Exception {
    Launch.Result r = launch.run("run", "--name", "main", "--", "sh", "-c", "kill -KILL $$");

    assertThat(r.code()).isEqualTo(128 + 9);
    assertThat(launch.ctrText("main", "exit")).isEqualTo("137");
  }

  @Test
  void badArgumentsGiveUsageAnd64() throws Exception {
    for (String[] args :
        new String[][] {
          {},
          {"run", "--name", "main", "true"},
          {"run", "--", "true"},
          {"run", "--name", "main", "--bogus", "--", "true"},
          {"run", "--name", "main", "--grace", "5", "--", "true"},
          {"run", "--name", "main", "--sidecar", "--", "true"},
          {"install"},
        }) {
      Launch.Result r = launch.run(args);
      assertThat(r.code()).as(String.join(" ", args)).isEqualTo(64);
      assertThat(r.stderr()).as(String.join(" ", args)).contains("usage:");
    }
    assertThat(launch.var.resolve("ctr/main")).doesNotExist();
  }

  @Test
  void anOutputNameThatIsNotOnePathComponentIsRefusedWith64() throws Exception {
    for (String name : new String[] {"../x", "a/b", "..", ".", ""}) {
      Launch.Result r =
          launch.run("run", "--name", "main", "--param", name + "=/etc/hostname", "--", "true");
      assertThat(r.code()).as(name).isEqualTo(64);
    }
    assertThat(launch.run("run", "--name", "../main", "--", "true").code()).isEqualTo(64);
    assertThat(launch.var.resolve("ctr/main")).doesNotExist();
  }

  /**
   * A pod's containers may run as different users; each must be able to start, log and publish
   * outputs in the shared directory, which Kubernetes creates world-writable.
   */
  @Test
  void containersRunningAsDifferentNonRootUsersShareTheDirectory() throws Exception {
    assumeTrue(
        "root".equals(System.getProperty("user.name"))
            && Files.isExecutable(Path.of("/usr/bin/setpriv")),
        "needs root and setpriv to run the launcher as other users");
    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path bin = LauncherBinary.extractTo(tmp.resolve("bin"));
    Path work = Files.createDirectories(tmp.resolve("work"));
    Files.createDirectories(launch.var);
    for (Path dir : List.of(work, launch.var)) {
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
    }

    for (String uid : List.of("65534", "4321")) {
      Path file = work.resolve("p" + uid);
      ProcessBuilder pb =
          new ProcessBuilder(
                  "/usr/bin/setpriv",
                  "--reuid=" + uid,
                  "--regid=" + uid,
                  "--clear-groups",
                  bin.toString(),
                  "run",
                  "--name",
                  "c" + uid,
                  "--param",
                  "p" + uid + "=" + file,
                  "--",
                  "sh",
                  "-c",
                  "id -u > " + file)
              .redirectErrorStream(true);
      pb.environment().put("WEFT_VAR", launch.var.toString());
      Process p = pb.start();
      p.getOutputStream().close();
      String output = new String(p.getInputStream().readAllBytes());
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).as(output).isZero();
    }

    assertThat(Files.readString(launch.param("p65534"))).isEqualTo("65534\n");
    assertThat(Files.readString(launch.param("p4321"))).isEqualTo("4321\n");
    assertThat(launch.ctrText("c4321", "exit")).isEqualTo("0");
  }

  @Test
  void aContainerSetMemberRunsAfterTheMembersItDependsOn() throws Exception {
    launch.run("run", "--name", "a", "--", "sh", "-c", "echo first > $WEFT_VAR/order");
    Launch.Result r =
        launch.run(
            "run",
            "--name",
            "b",
            "--after",
            "a",
            "--",
            "sh",
            "-c",
            "echo second >> $WEFT_VAR/order");

    assertThat(r.code()).isZero();
    assertThat(Launch.read(launch.var.resolve("order"))).isEqualTo("first\nsecond\n");
  }

  @Test
  void aMemberAfterAFailedOneDoesNotRunAndEndsWithItsCode() throws Exception {
    launch.run("run", "--name", "a", "--", "sh", "-c", "exit 5");
    Launch.Result r =
        launch.run("run", "--name", "b", "--after", "a", "--", "sh", "-c", "touch $WEFT_VAR/ran");

    assertThat(r.code()).isEqualTo(5);
    assertThat(launch.ctrText("b", "exit")).isEqualTo("5");
    assertThat(launch.var.resolve("ran")).doesNotExist();
    assertThat(r.stderr()).contains("not run: a");
  }
}
