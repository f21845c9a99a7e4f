package dev.weft.lint;

import dev.weft.model.codec.Diagnostic;
import java.util.List;

/** Everything the linter found, in file order; the run is clean when there is no error. */
public record LintReport(List<Diagnostic> diagnostics) {
  public LintReport {
    diagnostics = List.copyOf(diagnostics);
  }

  public List<Diagnostic> errors() {
    return diagnostics.stream().filter(Diagnostic::isError).toList();
  }

  public List<Diagnostic> warnings() {
    return diagnostics.stream().filter(d -> !d.isError()).toList();
  }

  public boolean ok() {
    return errors().isEmpty();
  }
}
