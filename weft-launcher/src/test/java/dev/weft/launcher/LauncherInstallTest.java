package dev.weft.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** weft-launch install, the binary's packaging, and the binary alone in an empty root. */
class LauncherInstallTest {
  @TempDir Path tmp;
  Launch launch;

  @BeforeEach
  void setUp() {
    launch = new Launch(tmp);
  }

  @Test
  void installCopiesItselfAndWritesTheScript() throws Exception {
    Path dir = tmp.resolve("shared/bin");
    Path script = tmp.resolve("staging/deep/script");

    Launch.Result r =
        launch.run(
            Map.of("WEFT_SCRIPT", "print('hi')\n", "WEFT_SCRIPT_PATH", script.toString()),
            "install",
            dir.toString());

    assertThat(r.code()).as(r.stderr()).isZero();
    assertThat(Files.readAllBytes(dir.resolve("launch")))
        .isEqualTo(Files.readAllBytes(Launch.binary()));
    assertThat(posixMode(dir.resolve("launch"))).isEqualTo("rwxr-xr-x");
    assertThat(Files.readString(script)).isEqualTo("print('hi')\n");
    assertThat(posixMode(script)).isEqualTo("rwxr-xr-x");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(dir.resolve("launch")); // no temporary file left
    }
  }

  @Test
  void extractToWritesAnExecutableCopyOfThePackagedBinary() throws Exception {
    Path copy = LauncherBinary.extractTo(tmp.resolve("bin"));

    assertThat(copy).isEqualTo(tmp.resolve("bin/weft-launch"));
    assertThat(posixMode(copy)).isEqualTo("rwxr-xr-x");
    assertThat(Files.readAllBytes(copy)).isEqualTo(Files.readAllBytes(Launch.binary()));
    Process help = new ProcessBuilder(copy.toString(), "--help").start();
    assertThat(help.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(new String(help.getInputStream().readAllBytes())).contains("weft-launch run");
  }

  /**
   * The image may have no libc, no shell and no /usr: the binary must run with nothing beside it.
   * Runs it in a bubblewrap root that holds only the binary, /proc and /dev, and has it install
   * itself and write a script there.
   */
  @Test
  void runsInARootWithNothingElseInIt() throws Exception {
    String bwrap = usableBwrap();
    Path root = Files.createDirectories(tmp.resolve("root"));

    List<String> command =
        bwrap(
            bwrap,
            root,
            List.of("--setenv", "WEFT_SCRIPT", "echo hi\n"),
            List.of("/launch", "run", "--name", "main", "--", "/launch", "install", "/x"));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();

    assertThat(p.exitValue()).as(output).isZero();
    assertThat(Files.readAllBytes(root.resolve("x/launch")))
        .isEqualTo(Files.readAllBytes(Launch.binary()));
    assertThat(Files.readString(root.resolve("argo/staging/script"))).isEqualTo("echo hi\n");
    assertThat(Files.readString(root.resolve("var/run/weft/ctr/main/exit"))).isEqualTo("0");
    try (Stream<Path> top = Files.list(root)) {
      assertThat(top.map(f -> f.getFileName().toString()))
          .doesNotContain("bin", "lib", "lib64", "usr", "etc");
    }

    // And there is indeed no shell in there.
    Process sh =
        new ProcessBuilder(
                bwrap(
                    bwrap, root, List.of(), List.of("/launch", "run", "--name", "sh", "--", "sh")))
            .redirectErrorStream(true)
            .start();
    String shOutput = new String(sh.getInputStream().readAllBytes());
    assertThat(sh.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(sh.exitValue()).as(shOutput).isEqualTo(127);
  }

  private static List<String> bwrap(
      String bwrap, Path root, List<String> options, List<String> inside) {
    List<String> command =
        new ArrayList<>(
            List.of(
                bwrap,
                "--bind",
                root.toString(),
                "/",
                "--ro-bind",
                Launch.binary().toString(),
                "/launch",
                "--proc",
                "/proc",
                "--dev",
                "/dev",
                "--unshare-all",
                "--die-with-parent",
                "--clearenv"));
    command.addAll(options);
    command.addAll(inside);
    return command;
  }

  /**
   * bwrap's path, if it is installed and can make a sandbox here. Without it the test is skipped,
   * except in CI, where a missing sandbox must fail the build rather than hide this test.
   */
  private static String usableBwrap() throws Exception {
    String reason = null;
    String found = null;
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
      Path candidate = Path.of(dir.isEmpty() ? "." : dir, "bwrap");
      if (Files.isExecutable(candidate)) {
        found = candidate.toString();
        break;
      }
    }
    if (found == null) {
      reason = "bwrap (bubblewrap) is not installed";
    } else {
      Process probe =
          new ProcessBuilder(found, "--ro-bind", "/", "/", "--unshare-all", "true")
              .redirectErrorStream(true)
              .start();
      String output = new String(probe.getInputStream().readAllBytes());
      if (!probe.waitFor(30, TimeUnit.SECONDS) || probe.exitValue() != 0) {
        reason = "bwrap cannot make a sandbox here: " + output.strip();
      }
    }
    if (reason != null && "true".equals(System.getenv("CI"))) {
      fail("CI=true, so the empty-root test must run, but " + reason);
    }
    assumeTrue(reason == null, reason);
    return found;
  }

  private static String posixMode(Path file) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
  }
}
