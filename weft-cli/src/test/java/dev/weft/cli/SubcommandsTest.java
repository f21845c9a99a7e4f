package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SubcommandsTest {
  private final PrintStream out = new PrintStream(new ByteArrayOutputStream());

  @Test
  void everyNameAndAliasOfEveryCommandIsInTheTable() {
    CommandLine all = new CommandLine(new Main());
    Subcommands.register(all, new String[0], out, out, Interrupts.none());
    assertThat(Subcommands.byName(out, out, Interrupts.none()).keySet())
        .containsExactlyInAnyOrderElementsOf(all.getSubcommands().keySet());
  }

  @Test
  void aNamedCommandIsTheOnlyOneBuilt() {
    CommandLine cli = new CommandLine(new Main());
    Subcommands.register(cli, new String[] {"ls", "-A"}, out, out, Interrupts.none());
    assertThat(cli.getSubcommands().keySet()).containsExactlyInAnyOrder("list", "ls");
  }

  @Test
  void aMistypedCommandIsStillMatchedAgainstEveryCommand() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Main.execute(new String[] {"rnu"}, out, new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(code).isEqualTo(Main.EXIT_BAD_INPUT);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("Did you mean: run?");
  }

  @Test
  void helpStillListsEveryCommand() {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    int code =
        Main.execute(
            new String[] {"--help"}, new PrintStream(printed, true, StandardCharsets.UTF_8), out);
    assertThat(code).isZero();
    assertThat(printed.toString(StandardCharsets.UTF_8))
        .contains("run", "submit", "cluster-template", "resubmit", "controller");
  }
}
