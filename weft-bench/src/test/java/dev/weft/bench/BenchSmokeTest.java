package dev.weft.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark at smoke size, as CI runs it: every section runs and yields its figures, and the
 * JSON is written. It asserts no timings: figures are measured, never asserted.
 */
class BenchSmokeTest {
  @TempDir Path dir;

  @Test
  void everySectionRunsAndReportsItsFigures() throws Exception {
    Path out = dir.resolve("results.json");
    ByteArrayOutputStream printed = new ByteArrayOutputStream();

    Report report =
        BenchMain.run(
            new String[] {"--smoke", "--root", Path.of("..").toString(), "--out", out.toString()},
            new PrintStream(printed, true, StandardCharsets.UTF_8));

    String text = printed.toString(StandardCharsets.UTF_8);
    assertThat(report.failures()).as(text).isEmpty();
    assertThat(report.figures())
        .extracting(Figure::section)
        .contains(
            "engine", "local", "server", "load", "throughput", "cold start", "peers", "kubernetes");
    assertThat(report.figures())
        .allSatisfy(f -> assertThat(f.value()).as(f.name()).isNotNaN().isPositive());
    assertThat(Files.readString(out))
        .contains("\"figures\"")
        .contains("Weft NORMAL / Flowable")
        .contains("\"notes\"");
    assertThat(report.notes()).anyMatch(n -> n.startsWith("cold start: the AOT cache"));
  }
}
