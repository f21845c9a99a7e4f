package dev.weft.cli;

import static dev.weft.cli.CliHarness.containerWorkflow;
import static dev.weft.cli.CliHarness.weft;
import static dev.weft.cli.CliHarness.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.cli.CliHarness.Result;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line itself: bare `weft`, mistyped commands and options, and their exit codes. */
class CliUsageTest {
  @TempDir Path dir;

  @BeforeEach
  void home(@TempDir Path home) {
    System.setProperty("weft.home", home.toString());
  }

  @Test
  void bareWeftPrintsTheCommandListAndExitsTwo() {
    Result r = weft();
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("Usage: weft").contains("Commands:").contains("  run ");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void helpPrintsTheCommandListOnStdoutAndExitsZero() {
    Result r = weft("--help");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("Commands:").contains("  submit ");
  }

  @Test
  void mistypedCommandSuggestsTheCommandItResembles() {
    Result r = weft("rnu", "x.yaml");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).startsWith("weft: unknown command \"rnu\"\nDid you mean: run?\n");
    r.assertNoStackTrace();
  }

  @Test
  void mistypedSubcommandOfAGroupSuggestsWithinTheGroup() {
    Result r = weft("template", "craete", "t.yaml");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err())
        .contains("weft template: unknown command \"craete\"", "Did you mean: create?");
  }

  @Test
  void commandLikeNoOtherGetsTheCommandList() {
    Result r = weft("xyzzy");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("unknown command \"xyzzy\"").contains("Commands:");
    assertThat(r.err()).doesNotContain("Did you mean");
  }

  @Test
  void unknownOptionExitsTwo() {
    Path f = write(dir, "hello.yaml", containerWorkflow("hello-", "[echo, hi]"));
    Result r = weft("run", "--bogus", f.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("Unknown option: '--bogus'");
    assertThat(r.out()).doesNotContain("Status:");
  }

  @Test
  void runWithoutAFileExitsTwo() {
    Result r = weft("run");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("Missing required parameter: 'FILE'");
  }

  @Test
  void submitParameterWithoutEqualsSignExitsTwo() {
    Path f = write(dir, "hello.yaml", containerWorkflow("hello-", "[echo, hi]"));
    Result r = weft("submit", "--server", "http://127.0.0.1:9", f.toString(), "-p", "msg");
    r.assertOneBadInputError();
    assertThat(r.error()).contains("-p msg: expected name=value");
  }

  @Test
  void lintOfAFileWithAnErrorExitsTwo() {
    Path f = write(dir, "hello.yaml", containerWorkflow("hello-", "echo hi"));
    Result r = weft("lint", f.toString());
    assertThat(r.exit()).isEqualTo(2);
  }

  @Test
  void editDistanceCountsASwapAsOneEdit() {
    assertThat(UsageErrors.distance("rnu", "run")).isEqualTo(1);
    assertThat(UsageErrors.distance("craete", "create")).isEqualTo(1);
    assertThat(UsageErrors.distance("xyzzy", "run")).isGreaterThan(2);
  }
}
