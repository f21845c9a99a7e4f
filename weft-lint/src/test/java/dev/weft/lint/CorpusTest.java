package dev.weft.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CorpusTest {
  private static final Path ROOT =
      Path.of(System.getProperty("weft.shared"), "conformance", "argo");

  @Test
  void everyArgoExampleLintsWithoutErrorsGivenTheFilesItRequires() throws IOException {
    List<String> errors = new ArrayList<>();
    int cases = 0;
    for (String line : Files.readAllLines(ROOT.resolve("expected.tsv"))) {
      if (line.isBlank() || line.startsWith("#")) continue;
      String[] columns = line.split("\t", -1);
      List<Path> files = new ArrayList<>();
      if (columns.length > 2 && !columns[2].isBlank()) {
        for (String required : columns[2].split(",")) files.add(resolve(required.strip()));
      }
      files.add(ROOT.resolve("examples").resolve(columns[0]));
      cases++;
      new Linter().lint(files, false).errors().forEach(d -> errors.add(d.format()));
    }
    assertThat(cases).isGreaterThan(100);
    assertThat(errors).isEmpty();
  }

  private static Path resolve(String required) {
    return required.startsWith("support/")
        ? ROOT.resolve(required)
        : ROOT.resolve("examples").resolve(required);
  }
}
