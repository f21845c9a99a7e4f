package dev.weft.cli;

import static dev.weft.cli.CliHarness.containerWorkflow;
import static dev.weft.cli.CliHarness.weft;
import static dev.weft.cli.CliHarness.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.weft.cli.CliHarness.Result;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files the CLI is given that are not what they seem: FIFOs, devices, directories, huge files,
 * binary and non-UTF-8 files. Each is refused at once with one message naming the file, exit 2.
 */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class CliInputFilesTest {
  /** Nothing listens here: a command that reached for the server would say so instead. */
  private static final String NO_SERVER = "http://127.0.0.1:9";

  @TempDir Path dir;

  @BeforeEach
  void home(@TempDir Path home) {
    System.setProperty("weft.home", home.toString());
  }

  private Path fifo() throws Exception {
    Path fifo = dir.resolve("wf.yaml");
    int made = new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor();
    assumeThat(made).as("mkfifo").isZero();
    return fifo;
  }

  @Test
  void runOfAFifoIsRefusedWithoutWaitingForAWriter() throws Exception {
    Path fifo = fifo();
    Result r = weft("run", fifo.toString());
    r.assertOneBadInputError();
    assertThat(r.error())
        .isEqualTo(fifo + ": error: is a FIFO, not a regular file; expected a YAML file");
  }

  @Test
  void lintOfDevZeroIsRefusedWithoutReadingIt() {
    Result r = weft("lint", "/dev/zero");
    r.assertOneBadInputError();
    assertThat(r.error()).startsWith("/dev/zero: error: is a character device, not a regular file");
  }

  @Test
  void runWithADeviceAsDashFFileIsRefused() {
    Path f = write(dir, "hello.yaml", containerWorkflow("hello-", "[echo, hi]"));
    Result r = weft("run", f.toString(), "-f", "/dev/zero");
    r.assertOneBadInputError();
    assertThat(r.error()).startsWith("/dev/zero: error: is a character device");
    assertThat(r.out()).doesNotContain("Status:");
  }

  @Test
  void runOfADirectoryIsRefused() {
    Result r = weft("run", dir.toString());
    r.assertOneBadInputError();
    assertThat(r.error()).isEqualTo(dir + ": error: is a directory; expected a YAML file");
  }

  @Test
  void fileOverTheSizeLimitIsRefusedNamingTheLimit() throws IOException {
    Path big = dir.resolve("big.yaml");
    try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
      f.setLength(9L * 1024 * 1024);
    }
    Result r = weft("lint", big.toString());
    r.assertOneBadInputError();
    assertThat(r.error())
        .isEqualTo(big + ": error: is larger than 3 MiB, the limit for an input file");
  }

  @Test
  void nonUtf8FileIsLocatedAtTheBadByte() throws IOException {
    String yaml = containerWorkflow("latin-", "[echo, caf\u00e9]");
    Path f = Files.write(dir.resolve("latin1.yaml"), yaml.getBytes(StandardCharsets.ISO_8859_1));
    Result r = weft("run", f.toString());
    r.assertOneBadInputError();
    assertThat(r.error())
        .isEqualTo(f + ":11:26: error: not UTF-8 text (byte 0xe9); expected UTF-8")
        .doesNotContain("Input length");
  }

  @Test
  void fileWithANulByteIsABinaryFile() throws IOException {
    Path f = Files.write(dir.resolve("bin.yaml"), new byte[] {'k', 'i', 'n', 'd', 0, 1, 2});
    Result r = weft("lint", f.toString());
    r.assertOneBadInputError();
    assertThat(r.error()).isEqualTo(f + ":1:5: error: binary file (a NUL byte); expected text");
  }

  @Test
  void submitOfAFifoIsRefusedBeforeReachingTheServer() throws Exception {
    Path fifo = fifo();
    Result r = weft("submit", "--server", NO_SERVER, fifo.toString());
    r.assertOneBadInputError();
    assertThat(r.error()).startsWith(fifo + ": error: is a FIFO");
  }

  @Test
  void templateCreateOfANonUtf8FileIsLocated() throws IOException {
    Path f = Files.write(dir.resolve("t.yaml"), new byte[] {'a', ':', ' ', (byte) 0xff, '\n'});
    Result r = weft("template", "create", "--server", NO_SERVER, f.toString());
    r.assertOneBadInputError();
    assertThat(r.error()).isEqualTo(f + ":1:4: error: not UTF-8 text (byte 0xff); expected UTF-8");
  }
}
