package dev.weft.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** weft-launch run --param/--artifact: outputs copied after the command, then the exit file. */
class LauncherOutputsTest {
  @TempDir Path tmp;
  Launch launch;
  Path work;

  @BeforeEach
  void setUp() throws Exception {
    launch = new Launch(tmp);
    work = Files.createDirectories(tmp.resolve("work"));
  }

  @Test
  void copiesAnOutputParameterFile() throws Exception {
    Path file = work.resolve("result.txt");

    Launch.Result r =
        launch.run(
            "run",
            "--name",
            "main",
            "--param",
            "result=" + file,
            "--",
            "sh",
            "-c",
            "printf 'forty two' > " + file);

    assertThat(r.code()).isZero();
    assertThat(Files.readString(launch.param("result"))).isEqualTo("forty two");
    assertThat(launch.ctr("main", "error")).doesNotExist();
  }

  @Test
  void copiesADirectoryArtifactWithItsSymlinksAsSymlinksAndItsModes() throws Exception {
    Path out = work.resolve("out");
    Files.createDirectories(out.resolve("sub"));
    Files.writeString(out.resolve("sub/data.txt"), "data");
    Files.setPosixFilePermissions(
        out.resolve("sub/data.txt"), PosixFilePermissions.fromString("rwxr-x---"));
    Path secret = Files.writeString(tmp.resolve("secret"), "outside");
    Files.createSymbolicLink(out.resolve("link"), secret);
    Files.createSymbolicLink(out.resolve("dangling"), Path.of("no/such/file"));

    Launch.Result r = launch.run("run", "--name", "main", "--artifact", "out=" + out, "--", "true");

    assertThat(r.code()).isZero();
    Path copy = launch.artifact("out");
    assertThat(Files.readString(copy.resolve("sub/data.txt"))).isEqualTo("data");
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(copy.resolve("sub/data.txt"))))
        .isEqualTo("rwxr-x---");
    assertThat(Files.isSymbolicLink(copy.resolve("link"))).isTrue();
    assertThat(Files.readSymbolicLink(copy.resolve("link"))).isEqualTo(secret);
    assertThat(Files.readSymbolicLink(copy.resolve("dangling"))).isEqualTo(Path.of("no/such/file"));
    assertThat(launch.ctr("main", "error")).doesNotExist();
  }

  @Test
  void aSymlinkedParameterPathIsNotFollowed() throws Exception {
    Path secret = Files.writeString(tmp.resolve("secret"), "outside content");
    Path link = work.resolve("result.txt");
    Files.createSymbolicLink(link, secret);

    Launch.Result r =
        launch.run("run", "--name", "main", "--param", "result=" + link, "--", "true");

    assertThat(r.code()).isZero();
    assertThat(launch.param("result")).doesNotExist();
    assertThat(launch.ctrText("main", "error")).contains("result", "symbolic link");
    assertThat(r.stderr()).contains("symbolic link");
  }

  @Test
  void aSymlinkedArtifactPathIsCopiedAsTheLinkNotItsTarget() throws Exception {
    Path secretDir = Files.createDirectories(tmp.resolve("secret-dir"));
    Files.writeString(secretDir.resolve("key"), "outside");
    Path link = work.resolve("out");
    Files.createSymbolicLink(link, secretDir);

    launch.run("run", "--name", "main", "--artifact", "out=" + link, "--", "true");

    assertThat(Files.isSymbolicLink(launch.artifact("out"))).isTrue();
    assertThat(Files.readSymbolicLink(launch.artifact("out"))).isEqualTo(secretDir);
  }

  @Test
  void aParameterOverOneMebibyteIsRecordedAsAnError() throws Exception {
    Path big = work.resolve("big");
    Files.write(big, new byte[1024 * 1024 + 1]);

    Launch.Result r = launch.run("run", "--name", "main", "--param", "big=" + big, "--", "true");

    assertThat(r.code()).isZero();
    assertThat(launch.param("big")).doesNotExist();
    assertThat(launch.ctrText("main", "error")).contains("big", "limit");
  }

  @Test
  void aMissingOutputPathWritesNothingAndIsNoError() throws Exception {
    Launch.Result r =
        launch.run(
            "run",
            "--name",
            "main",
            "--param",
            "p=" + work.resolve("absent"),
            "--artifact",
            "a=" + work.resolve("absent-dir/x"),
            "--",
            "true");

    assertThat(r.code()).isZero();
    assertThat(launch.param("p")).doesNotExist();
    assertThat(launch.artifact("a")).doesNotExist();
    assertThat(launch.ctr("main", "error")).doesNotExist();
    assertThat(launch.ctrText("main", "exit")).isEqualTo("0");
  }

  @Test
  void outputsAreCopiedEvenWhenTheCommandFails() throws Exception {
    Path file = work.resolve("p");

    Launch.Result r =
        launch.run(
            "run",
            "--name",
            "main",
            "--param",
            "p=" + file,
            "--",
            "sh",
            "-c",
            "echo partial > " + file + "; exit 5");

    assertThat(r.code()).isEqualTo(5);
    assertThat(Files.readString(launch.param("p"))).isEqualTo("partial\n");
  }

  @Test
  void theExitFileIsWrittenLastAndWhole() throws Exception {
    Path tree = work.resolve("tree");
    Path param = work.resolve("param");
    // Enough files that copying them takes a while, so a watcher would see an early exit file.
    String script =
        "mkdir -p "
            + tree
            + " && for i in $(seq 1 300); do echo $i > "
            + tree
            + "/f$i; done"
            + " && echo value > "
            + param
            + " && echo done";
    Path exit = launch.ctr("main", "exit");
    AtomicReference<String> seen = new AtomicReference<>();
    Thread watcher =
        Thread.ofPlatform()
            .start(
                () -> {
                  try {
                    long deadline = System.nanoTime() + Launch.TIMEOUT.toNanos();
                    while (!Files.exists(exit, LinkOption.NOFOLLOW_LINKS)) {
                      if (System.nanoTime() > deadline) throw new AssertionError("no exit file");
                      Thread.onSpinWait();
                    }
                    seen.set(
                        Files.readString(exit)
                            + "|"
                            + Files.exists(launch.param("p"))
                            + "|"
                            + Files.exists(launch.artifact("tree").resolve("f300"))
                            + "|"
                            + Launch.read(launch.ctr("main", "stdout")));
                  } catch (Exception e) {
                    seen.set(e.toString());
                  }
                });

    Launch.Result r =
        launch.run(
            "run",
            "--name",
            "main",
            "--param",
            "p=" + param,
            "--artifact",
            "tree=" + tree,
            "--",
            "sh",
            "-c",
            script);
    watcher.join(Launch.TIMEOUT.toMillis());

    assertThat(r.code()).isZero();
    assertThat(seen.get()).isEqualTo("0|true|true|done\n");
    assertThat(launch.ctr("main", "exit.tmp")).doesNotExist();
  }
}
