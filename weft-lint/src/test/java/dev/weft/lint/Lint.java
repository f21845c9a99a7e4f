package dev.weft.lint;

import dev.weft.model.codec.Diagnostic;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Test helper: writes YAML files to a folder, lints them, and prints findings without it. */
final class Lint {
  private final Path dir;
  private final List<Path> files = new ArrayList<>();

  private Lint(Path dir) {
    this.dir = dir;
  }

  static Lint in(Path dir) {
    return new Lint(dir);
  }

  Lint file(String name, String yaml) {
    Path file = dir.resolve(name);
    try {
      Files.writeString(file, yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    files.add(file);
    return this;
  }

  LintReport report(boolean strict) {
    return new Linter().lint(files, strict);
  }

  /** Every finding as {@code file:line:col: severity: field: message}, the folder left out. */
  List<String> all() {
    return format(report(false).diagnostics());
  }

  List<String> errors() {
    return format(report(false).errors());
  }

  List<String> warnings() {
    return format(report(false).warnings());
  }

  private List<String> format(List<Diagnostic> diagnostics) {
    String prefix = dir.toString() + "/";
    return diagnostics.stream().map(d -> d.format().replace(prefix, "")).toList();
  }
}
