package dev.weft.executor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CopyInTest {
  @TempDir Path dir;

  private Path source() throws IOException {
    Path tree = Files.createDirectories(dir.resolve("staged/content"));
    for (int i = 0; i < 50; i++) {
      Files.createDirectories(tree.resolve("d" + i));
      Files.writeString(tree.resolve("d" + i + "/f"), "artifact " + i);
    }
    Files.createSymbolicLink(tree.resolve("link"), Path.of("d0/f"));
    return tree;
  }

  @Test
  void aTreeIsCopiedWithItsLinksAsLinks() throws Exception {
    Path volume = Files.createDirectories(dir.resolve("volume"));

    CopyIn.copy(source(), volume, "in/art", "input");

    assertThat(volume.resolve("in/art/d7/f")).hasContent("artifact 7");
    assertThat(Files.readSymbolicLink(volume.resolve("in/art/link"))).isEqualTo(Path.of("d0/f"));
  }

  @Test
  void whatStandsAtTheTargetIsReplacedNotWrittenThrough() throws Exception {
    Path volume = Files.createDirectories(dir.resolve("volume"));
    Path victim = Files.createDirectories(dir.resolve("victim"));
    Files.writeString(victim.resolve("keep"), "host file");
    Files.createDirectories(volume.resolve("in"));
    Files.createSymbolicLink(volume.resolve("in/art"), victim);

    CopyIn.copy(source(), volume, "in/art", "input");

    assertThat(Files.isSymbolicLink(volume.resolve("in/art"))).isFalse();
    assertThat(victim.resolve("keep")).hasContent("host file");
    try (var files = Files.list(victim)) {
      assertThat(files).containsExactly(victim.resolve("keep"));
    }
  }

  @Test
  void aLinkSwappedInDuringTheCopyNeverLeadsItOut() throws Exception {
    Path volume = Files.createDirectories(dir.resolve("volume"));
    Path victim = Files.createDirectories(dir.resolve("victim"));
    Path source = source();
    Path real = Files.createDirectories(volume.resolve("in"));
    Path aside = volume.resolve("in-real");
    Path link = volume.resolve("in-link");
    Files.createSymbolicLink(link, victim);
    AtomicBoolean done = new AtomicBoolean();
    // A step sharing the volume swaps its directory for a link to the host, again and again.
    Thread attacker =
        Thread.ofPlatform()
            .start(
                () -> {
                  while (!done.get()) {
                    try {
                      Files.move(real, aside, StandardCopyOption.ATOMIC_MOVE);
                      Files.move(link, real, StandardCopyOption.ATOMIC_MOVE);
                      Thread.onSpinWait();
                      Files.move(real, link, StandardCopyOption.ATOMIC_MOVE);
                      Files.move(aside, real, StandardCopyOption.ATOMIC_MOVE);
                    } catch (IOException e) {
                      // raced with the copy's own files; go on
                    }
                  }
                });
    try {
      for (int i = 0; i < 30; i++) {
        try {
          CopyIn.copy(source, volume, "in/sub/art", "input");
        } catch (IOException refused) {
          // refusing is fine; writing to the host is not
        }
      }
    } finally {
      done.set(true);
      attacker.join();
    }

    // Nothing made there: not a file, not a link, not a directory.
    try (var files = Files.walk(victim)) {
      assertThat(files).containsExactly(victim);
    }
  }
}
