package dev.weft.model.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Resource files are refused at once, with the file named, unless they are small regular files. */
@Timeout(value = 60, unit = TimeUnit.SECONDS) // a guard: reading a FIFO would block for ever
class InputFilesTest {
  @TempDir Path dir;

  private static String only(Decoded d) {
    assertThat(d.resources()).isEmpty();
    assertThat(d.diagnostics()).hasSize(1);
    return d.diagnostics().get(0).format();
  }

  @Test
  void aFifoIsRefusedWithoutOpeningIt() throws Exception {
    Path fifo = dir.resolve("wf.yaml");
    Process p = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assertThat(p.waitFor()).isZero();

    assertThat(only(ResourceDecoder.decodeFile(fifo)))
        .isEqualTo(
            fifo
                + ": error: cannot read the file: is not a regular file (a FIFO, a device or a"
                + " socket)");
  }

  @Test
  void aDeviceIsRefused() {
    assertThat(only(ResourceDecoder.decodeFile(Path.of("/dev/zero"))))
        .isEqualTo(
            "/dev/zero: error: cannot read the file: is not a regular file (a FIFO, a device or a"
                + " socket)");
  }

  @Test
  void aDirectoryIsRefused() {
    assertThat(only(ResourceDecoder.decodeFile(dir)))
        .isEqualTo(dir + ": error: cannot read the file: is a directory, not a file");
  }

  @Test
  void aHugeFileIsRefusedWithoutReadingIt() throws Exception {
    Path huge = dir.resolve("huge.yaml");
    try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
      f.setLength(8L << 30); // sparse: 8 GiB that take no disk
    }

    assertThat(only(ResourceDecoder.decodeFile(huge)))
        .isEqualTo(
            huge
                + ": error: cannot read the file: is 8589934592 bytes, more than the limit of "
                + InputFiles.MAX_BYTES
                + " bytes for one file");
  }

  @Test
  void aFileJustOverTheLimitIsRefusedAndOneAtTheLimitIsRead() throws Exception {
    Path over = dir.resolve("over.yaml");
    Files.writeString(over, "#".repeat(InputFiles.MAX_BYTES + 1));
    Path at = dir.resolve("at.yaml");
    String head = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {k: ";
    String pad = "x".repeat(InputFiles.MAX_BYTES - head.length() - 2);
    Files.writeString(at, head + pad + "}\n");
    assertThat(Files.size(at)).isEqualTo(InputFiles.MAX_BYTES);

    assertThat(only(ResourceDecoder.decodeFile(over))).contains("more than the limit");
    Decoded d = ResourceDecoder.decodeFile(at);
    assertThat(d.diagnostics()).isEmpty();
    assertThat(d.resources()).hasSize(1);
  }

  @Test
  void aSymlinkToARegularFileIsRead() throws Exception {
    Path real = dir.resolve("real.yaml");
    Files.writeString(real, "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n");
    Path link = Files.createSymbolicLink(dir.resolve("link.yaml"), real);

    assertThat(ResourceDecoder.decodeFile(link).resources()).hasSize(1);
  }
}
