package dev.weft.model.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Hostile input files: each is refused at once with a message naming the file and the problem. */
class InputFileTest {
  @TempDir Path dir;

  private static String refusal(Path path) {
    InputFile.Read read = InputFile.read(path);
    assertThat(read).isInstanceOf(InputFile.Refused.class);
    return ((InputFile.Refused) read).why().format();
  }

  @Test
  void readsUtf8TextOfARegularFile() throws IOException {
    Path f = Files.writeString(dir.resolve("ok.yaml"), "name: café\n", StandardCharsets.UTF_8);
    assertThat(InputFile.read(f)).isEqualTo(new InputFile.Text("name: café\n"));
  }

  @Test
  @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void fifoIsRefusedWithoutWaitingForAWriter() throws Exception {
    Path fifo = dir.resolve("wf.yaml");
    int made = new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor();
    assumeThat(made).as("mkfifo").isZero();
    assertThat(refusal(fifo))
        .isEqualTo(fifo + ": error: is a FIFO, not a regular file; expected a YAML file");
  }

  @Test
  @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void endlessDeviceIsRefusedWithoutReadingIt() {
    Path zero = Path.of("/dev/zero");
    assumeThat(Files.exists(zero)).isTrue();
    assertThat(refusal(zero))
        .isEqualTo(
            "/dev/zero: error: is a character device, not a regular file; expected a YAML file");
  }

  @Test
  void directoryIsRefused() {
    assertThat(refusal(dir)).isEqualTo(dir + ": error: is a directory; expected a YAML file");
  }

  @Test
  void fileOverTheLimitIsRefusedNamingTheLimit() throws IOException {
    Path big = dir.resolve("big.yaml");
    try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
      f.setLength(InputFile.MAX_BYTES + 1L);
    }
    assertThat(refusal(big))
        .isEqualTo(big + ": error: is larger than 3 MiB, the limit for an input file");
  }

  @Test
  void fileOfExactlyTheLimitIsRead() throws IOException {
    Path edge = Files.write(dir.resolve("edge.yaml"), "a".repeat(InputFile.MAX_BYTES).getBytes());
    assertThat(InputFile.read(edge)).isInstanceOf(InputFile.Text.class);
  }

  @Test
  void missingFileSaysNoSuchFile() {
    Path missing = dir.resolve("missing.yaml");
    assertThat(refusal(missing)).isEqualTo(missing + ": error: no such file");
  }

  @Test
  void invalidUtf8IsLocatedAtItsLineAndColumnWithTheByte() {
    byte[] bytes = "a: 1\nb: 2\nc: é\u00e9x\n".getBytes(StandardCharsets.UTF_8);
    // Line 3 is "c: éé x": make the second é's lead byte invalid.
    int offset = "a: 1\nb: 2\nc: é".getBytes(StandardCharsets.UTF_8).length;
    bytes[offset] = (byte) 0xff;
    InputFile.Read read = InputFile.decode(bytes, "x.yaml");
    assertThat(((InputFile.Refused) read).why().format())
        .isEqualTo("x.yaml:3:5: error: not UTF-8 text (byte 0xff); expected UTF-8");
  }

  @Test
  void truncatedMultiByteCharacterAtTheEndIsReported() {
    byte[] bytes = {'a', ':', ' ', (byte) 0xc3};
    InputFile.Read read = InputFile.decode(bytes, "x.yaml");
    assertThat(((InputFile.Refused) read).why().format())
        .isEqualTo("x.yaml:1:4: error: not UTF-8 text (byte 0xc3); expected UTF-8");
  }

  @Test
  void nulByteMakesABinaryFileLocatedAtTheByte() {
    byte[] bytes = "a: 1\nbb\0\n".getBytes(StandardCharsets.UTF_8);
    InputFile.Read read = InputFile.decode(bytes, "x.yaml");
    assertThat(((InputFile.Refused) read).why().format())
        .isEqualTo("x.yaml:2:3: error: binary file (a NUL byte); expected text");
  }

  @Test
  void utf16TextIsNamedAsSuch() {
    byte[] bytes = "\uFEFFa: 1\n".getBytes(StandardCharsets.UTF_16LE);
    InputFile.Read read = InputFile.decode(bytes, "x.yaml");
    assertThat(((InputFile.Refused) read).why().format())
        .isEqualTo("x.yaml: error: is UTF-16 text; expected UTF-8");
  }
}
