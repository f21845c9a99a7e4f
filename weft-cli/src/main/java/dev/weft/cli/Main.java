package dev.weft.cli;

import dev.weft.cli.client.ClientException;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
    name = "weft",
    description = "Weft: Argo-compatible workflows, run anywhere.",
    mixinStandardHelpOptions = true,
    version = "weft " + dev.weft.provenance.WeftVersion.VALUE)
public final class Main implements Callable<Integer> {
  static final int EXIT_WORKFLOW_FAILED = 1;

  /** Bad input, and anything the server refuses or a server that cannot be reached. */
  static final int EXIT_BAD_INPUT = 2;

  /** weft server lost the lock on its store (another server may drive it now). */
  static final int EXIT_LOST_STORE = 3;

  public static void main(String[] args) {
    System.exit(execute(args, System.out, System.err, Interrupts.sigint()));
  }

  /** Runs a command line; what `weft` does, without exiting the JVM. */
  public static int execute(String[] args, PrintStream out, PrintStream err) {
    return execute(args, out, err, Interrupts.none());
  }

  static int execute(String[] args, PrintStream out, PrintStream err, Interrupts interrupts) {
    CommandLine cli =
        new CommandLine(
            new Main(),
            new CommandLine.IFactory() {
              @Override
              public <K> K create(Class<K> type) throws Exception {
                return CommandLine.defaultFactory().create(type);
              }
            });
    Subcommands.register(cli, args, out, err, interrupts);
    cli.setOut(new java.io.PrintWriter(out, true));
    cli.setErr(new java.io.PrintWriter(err, true));
    cli.setParameterExceptionHandler(new UsageErrors());
    cli.setExecutionExceptionHandler(
        (e, line, parsed) -> {
          if (e instanceof ClientException c) {
            if (c.findingLines().isEmpty()) err.println("weft: " + c.getMessage());
            else c.findingLines().forEach(err::println);
            return EXIT_BAD_INPUT;
          }
          err.println(
              "weft: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
          if (System.getenv("WEFT_DEBUG") != null) e.printStackTrace(err);
          return EXIT_WORKFLOW_FAILED;
        });
    return cli.execute(args);
  }

  @Spec CommandSpec spec;

  /**
   * Bare {@code weft}: the usage with the command list, on stderr with exit 2, as picocli treats a
   * missing subcommand ({@code weft --help} prints it on stdout with exit 0).
   */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return EXIT_BAD_INPUT;
  }
}
