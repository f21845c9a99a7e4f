package dev.weft.cli;

import java.io.PrintStream;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(
    name = "weft",
    description = "Weft: Argo-compatible workflows, run anywhere.",
    mixinStandardHelpOptions = true,
    version = "weft 0.1.0")
public final class Main implements Runnable {
  static final int EXIT_WORKFLOW_FAILED = 1;
  static final int EXIT_BAD_INPUT = 2;

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
    cli.addSubcommand(new RunCommand(out, err, interrupts));
    cli.addSubcommand(new LintCommand(out));
    cli.addSubcommand(new ServerCommand(out, err, interrupts));
    cli.addSubcommand(new ControlCommand.Resume(out, err));
    cli.addSubcommand(new ControlCommand.Stop(out, err));
    cli.addSubcommand(new ControlCommand.Terminate(out, err));
    cli.setOut(new java.io.PrintWriter(out, true));
    cli.setErr(new java.io.PrintWriter(err, true));
    cli.setExecutionExceptionHandler(
        (e, line, parsed) -> {
          err.println(
              "weft: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
          if (System.getenv("WEFT_DEBUG") != null) e.printStackTrace(err);
          return EXIT_WORKFLOW_FAILED;
        });
    return cli.execute(args);
  }

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }
}
