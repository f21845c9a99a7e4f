package dev.weft.controller.provenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.provenance.Envelope;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalAttestationsTest {
  static final String UID = "0b6c1f2e-8f7a-4e7b-9d1c-2a3b4c5d6e7f";
  @TempDir Path dir;

  @Test
  void anEnvelopeWrittenIsReadBackWhole() throws IOException {
    LocalAttestations a = new LocalAttestations(dir);
    byte[] envelope = "{\"payloadType\":\"x\"}".getBytes(StandardCharsets.UTF_8);

    a.write("default", UID, envelope);

    assertThat(a.read("default", UID)).hasValue(envelope);
  }

  @Test
  void aRunWithoutAnEnvelopeReadsAsEmpty() throws IOException {
    assertThat(new LocalAttestations(dir).read("default", UID)).isEmpty();
  }

  @Test
  void anEnvelopeFileThatIsASymbolicLinkIsRefusedNotFollowed() throws IOException {
    Path secret = Files.writeString(dir.resolve("secret"), "not an envelope");
    LocalAttestations a = new LocalAttestations(dir.resolve("root"));
    Files.createDirectories(a.file("default", UID).getParent());
    Files.createSymbolicLink(a.file("default", UID), secret);

    assertThatThrownBy(() -> a.read("default", UID))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("symbolic link");
  }

  @Test
  void anEnvelopeLargerThanAnyWeftWritesIsRefusedWithoutReadingItWhole() throws IOException {
    LocalAttestations a = new LocalAttestations(dir);
    Path file = a.file("default", UID);
    Files.createDirectories(file.getParent());
    try (var f = new java.io.RandomAccessFile(file.toFile(), "rw")) {
      f.setLength(Envelope.MAX_BYTES + 1L); // sparse: costs no disk
    }

    assertThatThrownBy(() -> a.read("default", UID))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("larger than " + Envelope.MAX_BYTES);
  }
}
