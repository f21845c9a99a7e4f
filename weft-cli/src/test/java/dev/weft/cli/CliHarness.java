package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/** Runs `weft` in-process through {@link Main#execute} and captures what it prints. */
final class CliHarness {
  /** A diagnostic line: {@code file:line:col: error: field: message}. */
  static final Pattern LOCATED_ERROR =
      Pattern.compile("^\\S+\\.yaml:\\d+:\\d+: error: \\S+: .+$", Pattern.MULTILINE);

  private CliHarness() {}

  /** What one command did: its exit code, its stdout and its stderr. */
  record Result(int exit, String out, String err) {
    String all() {
      return out + err;
    }

    /** The lines of stdout and stderr that report an error. */
    List<String> errorLines() {
      return all().lines().filter(l -> l.contains(" error: ") || l.startsWith("weft: ")).toList();
    }

    /** The lines of stdout and stderr that report a warning. */
    List<String> warningLines() {
      return all().lines().filter(l -> l.contains(" warning: ")).toList();
    }

    void assertNoStackTrace() {
      assertThat(all()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    /** Bad input: exit 2, exactly one error reported, and no stack trace. */
    void assertOneBadInputError() {
      assertThat(exit).as("exit code; output:%n%s", all()).isEqualTo(2);
      assertThat(errorLines()).as("error lines; output:%n%s", all()).hasSize(1);
      assertNoStackTrace();
    }

    /** The single error line. */
    String error() {
      return errorLines().get(0);
    }
  }

  static Result weft(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit =
        Main.execute(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Result(
        exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** Like {@link #weft} but with stdout and stderr in one caller-owned buffer, for live reading. */
  static int weft(ByteArrayOutputStream both, String... args) {
    PrintStream ps = new PrintStream(both, true, StandardCharsets.UTF_8);
    return Main.execute(args, ps, ps);
  }

  static String[] args(Object... parts) {
    return Arrays.stream(parts).map(String::valueOf).toArray(String[]::new);
  }

  static Path write(Path dir, String name, String yaml) {
    try {
      return Files.writeString(dir.resolve(name), yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A one-template workflow running {@code command} in busybox. */
  static String containerWorkflow(String generateName, String command) {
    return """
        apiVersion: argoproj.io/v1alpha1
        kind: Workflow
        metadata:
          generateName: %s
        spec:
          entrypoint: main
          templates:
          - name: main
            container:
              image: busybox
              command: %s
        """
        .formatted(generateName, command);
  }
}
