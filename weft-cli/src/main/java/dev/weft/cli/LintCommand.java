package dev.weft.cli;

import dev.weft.lint.LintReport;
import dev.weft.lint.Linter;
import dev.weft.model.codec.Diagnostic;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "lint",
    description = "Check workflows, templates and cron workflows before running them.",
    mixinStandardHelpOptions = true)
final class LintCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files to check together.")
  List<Path> files;

  @Option(names = "--strict", description = "Unknown fields are errors, not warnings.")
  boolean strict;

  private final PrintStream out;

  LintCommand(PrintStream out) {
    this.out = out;
  }

  @Override
  public Integer call() {
    LintReport report = new Linter().lint(files, strict);
    for (Diagnostic d : report.diagnostics()) out.println(d.format());
    int errors = report.errors().size();
    int warnings = report.warnings().size();
    if (errors == 0 && warnings == 0) {
      out.println(
          "no problems found in " + files.size() + (files.size() == 1 ? " file" : " files"));
    } else {
      out.println(
          errors
              + (errors == 1 ? " error, " : " errors, ")
              + warnings
              + (warnings == 1 ? " warning" : " warnings"));
    }
    return errors == 0 ? 0 : Main.EXIT_BAD_INPUT;
  }
}
