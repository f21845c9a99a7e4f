package dev.weft.provenance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a verifier that is not Weft's as a real process, and what it said. */
record ExternalProcess(int exit, String output) {
  /** The repository's root: tests run in their module's directory. */
  static final Path REPOSITORY = Path.of("").toAbsolutePath().getParent();

  static ExternalProcess run(List<String> command) throws IOException, InterruptedException {
    return run(command, REPOSITORY);
  }

  /** Runs {@code command} in {@code dir}, stdout and stderr together, stdin closed. */
  static ExternalProcess run(List<String> command, Path dir)
      throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(command).redirectErrorStream(true).directory(dir.toFile()).start();
    p.getOutputStream().close();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError(command + " did not end within 60 s");
    }
    return new ExternalProcess(p.exitValue(), new String(out, StandardCharsets.UTF_8));
  }

  /** The envelope with one bit of its payload changed (the signature left as it was). */
  static Envelope flipPayloadByte(Envelope e) {
    byte[] payload = e.payload().clone();
    payload[payload.length / 2] ^= 1;
    return new Envelope(e.payloadType(), payload, e.signatures());
  }

  /** The envelope with one bit of its signature changed. */
  static Envelope flipSignatureByte(Envelope e) {
    Envelope.Sig sig = e.signatures().get(0);
    byte[] bytes = sig.sig().clone();
    bytes[7] ^= 1;
    return new Envelope(
        e.payloadType(), e.payload(), List.of(new Envelope.Sig(sig.keyid(), bytes)));
  }
}
