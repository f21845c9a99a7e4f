package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.provenance.SigningKey;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** `weft verify` of an envelope file, with no server: bad files are bad input, never a crash. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a FIFO open blocks
class VerifyCommandTest {
  @TempDir Path dir;

  @Test
  void anEnvelopeFileLargerThanAnyWeftWritesIsRefusedUnread() throws Exception {
    Path huge = dir.resolve("huge.json");
    try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
      f.setLength(3L << 30); // sparse: 3 GiB of nothing, more than an array holds
    }
    Path pub = Files.writeString(dir.resolve("weft.pub"), SigningKey.generate().publicPem());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int exit =
        Main.execute(
            new String[] {
              "verify", huge.toString(), "--key", pub.toString(), "--artifacts", dir.toString()
            },
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(exit).isEqualTo(Main.EXIT_BAD_INPUT);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "weft: "
                + huge
                + ": not a DSSE envelope: larger than 16777216 bytes, more than any envelope"
                + " Weft writes\n");
  }

  @Test
  void aFifoGivenAsTheEnvelopeIsRefusedNotWaitedOn() throws Exception {
    Path fifo = dir.resolve("pipe.json");
    assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
    Path pub = Files.writeString(dir.resolve("weft.pub"), SigningKey.generate().publicPem());
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int exit =
        Main.execute(
            new String[] {"verify", fifo.toString(), "--key", pub.toString()},
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(exit).isEqualTo(Main.EXIT_BAD_INPUT);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .isEqualTo("weft: " + fifo + ": not a regular file\n");
  }
}
