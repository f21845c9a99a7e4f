package dev.weft.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class InputFileTest {
  @TempDir Path dir;

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS) // a guard: reading a FIFO would block for ever
  void lintingAFifoReportsItAtOnceInsteadOfBlocking() throws Exception {
    Path fifo = dir.resolve("wf.yaml");
    assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();

    LintReport report = new Linter().lint(List.of(fifo), false);

    assertThat(report.diagnostics())
        .extracting(d -> d.format())
        .containsExactly(fifo + ": error: is a FIFO, not a regular file; expected a YAML file");
  }
}
