package dev.weft.executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafePathsTest {
  @TempDir Path root;
  @TempDir Path host;

  @Test
  void aRelativePathIsNormalised() throws IOException {
    assertThat(SafePaths.relative("./a//b/./c/", "key")).isEqualTo("a/b/c");
  }

  @Test
  void dotDotAbsoluteAndEmptyPathsAreRefused() {
    assertThatThrownBy(() -> SafePaths.relative("a/../../b", "key"))
        .hasMessage("key: \"a/../../b\" must not contain \"..\"");
    assertThatThrownBy(() -> SafePaths.relative("/etc/passwd", "key"))
        .hasMessage("key: \"/etc/passwd\" must be a relative path");
    assertThatThrownBy(() -> SafePaths.relative("", "key")).hasMessage("key: must not be empty");
    assertThatThrownBy(() -> SafePaths.relative("./", "key"))
        .hasMessage("key: \"./\" names no file");
  }

  @Test
  void underStaysInsideTheRoot() throws IOException {
    assertThat(SafePaths.under(root, "a/b", "key")).isEqualTo(root.resolve("a/b"));
    assertThatThrownBy(() -> SafePaths.under(root, "../x", "key")).isInstanceOf(IOException.class);
  }

  @Test
  void aFileLinkedToAHostFileIsNotRead() throws IOException {
    Path secret = Files.writeString(host.resolve("secret"), "HOST");
    Files.createSymbolicLink(root.resolve("out"), secret);
    assertThatThrownBy(() -> SafePaths.readString(root, "out", "output parameter 'p'"))
        .hasMessage(
            "output parameter 'p': out is a symbolic link; Weft does not follow links out of a"
                + " step");
  }

  @Test
  void aFileBehindALinkedDirectoryIsNotRead() throws IOException {
    Files.writeString(host.resolve("secret"), "HOST");
    Files.createSymbolicLink(root.resolve("d"), host);
    assertThatThrownBy(() -> SafePaths.readString(root, "d/secret", "p"))
        .hasMessageContaining("d is a symbolic link");
  }

  @Test
  void aLinkToProcSelfEnvironIsNotCopied() throws IOException {
    Files.createSymbolicLink(root.resolve("env"), Path.of("/proc/self/environ"));
    assertThatThrownBy(() -> SafePaths.copyOut(root, "env", host.resolve("copy"), "artifact"))
        .hasMessageContaining("env is a symbolic link");
    assertThat(host.resolve("copy")).doesNotExist();
  }

  @Test
  void aDirectoryIsCopiedWithItsLinksAsLinks() throws IOException {
    Path secret = Files.writeString(host.resolve("secret"), "HOST");
    Path dir = Files.createDirectories(root.resolve("d/sub"));
    Files.writeString(dir.resolve("f"), "plain");
    Files.createSymbolicLink(dir.resolve("link"), secret);

    assertThat(SafePaths.copyOut(root, "d", host.resolve("copy"), "artifact")).isTrue();

    assertThat(host.resolve("copy/sub/f")).hasContent("plain");
    Path link = host.resolve("copy/sub/link");
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Files.readSymbolicLink(link)).isEqualTo(secret);
  }

  @Test
  void nothingThereIsNotAnError() throws IOException {
    assertThat(SafePaths.copyOut(root, "missing/x", host.resolve("copy"), "a")).isFalse();
    assertThat(SafePaths.readString(root.resolve("nope"), "x", "p")).isEmpty();
  }

  @Test
  void aPathThroughALinkIsRefusedWhereWeftWouldCreateDirectories() throws IOException {
    Files.createSymbolicLink(root.resolve("up"), host);
    assertThatThrownBy(() -> SafePaths.noLinksUnder(root, "up/x", "subPath"))
        .hasMessage("subPath: \"up\" is a symbolic link, which Weft does not follow");
  }

  @Test
  void fileTreesCopyKeepsALinkAsALink() throws IOException {
    Path secret = Files.writeString(host.resolve("secret"), "HOST");
    Path dir = Files.createDirectories(root.resolve("d"));
    Files.createSymbolicLink(dir.resolve("link"), secret);
    Files.createSymbolicLink(root.resolve("top"), secret);

    FileTrees.copy(dir, host.resolve("copy"));
    FileTrees.copy(root.resolve("top"), host.resolve("top"));

    assertThat(Files.isSymbolicLink(host.resolve("copy/link"))).isTrue();
    assertThat(Files.isSymbolicLink(host.resolve("top"))).isTrue();
  }
}
