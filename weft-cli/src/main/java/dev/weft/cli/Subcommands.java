package dev.weft.cli;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import picocli.CommandLine;

/**
 * weft's subcommands, by every name and alias they answer to. Building a command's model from its
 * annotations is most of picocli's start-up cost (about half a second for all of them), so when the
 * first argument names a command only that one is built; anything else (help, no command, a typo)
 * gets them all.
 */
final class Subcommands {
  private Subcommands() {}

  static void register(
      CommandLine cli, String[] args, PrintStream out, PrintStream err, Interrupts interrupts) {
    Map<String, Consumer<CommandLine>> commands = byName(out, err, interrupts);
    Consumer<CommandLine> only = args.length == 0 ? null : commands.get(args[0]);
    if (only != null) {
      only.accept(cli);
      return;
    }
    new LinkedHashSet<>(commands.values()).forEach(c -> c.accept(cli));
  }

  /** What adds each command to the root command line, under each of its names. */
  static Map<String, Consumer<CommandLine>> byName(
      PrintStream out, PrintStream err, Interrupts interrupts) {
    Map<String, Consumer<CommandLine>> commands = new LinkedHashMap<>();
    commands.put("run", c -> c.addSubcommand(new RunCommand(out, err, interrupts)));
    commands.put("lint", c -> c.addSubcommand(new LintCommand(out)));
    commands.put("server", c -> c.addSubcommand(new ServerCommand(out, err, interrupts)));
    commands.put("controller", c -> c.addSubcommand(new ControllerCommand(err, interrupts)));
    commands.put("executor", c -> c.addSubcommand(new ExecutorCommand()));
    commands.put("submit", c -> c.addSubcommand(new SubmitCommand(out, err)));
    alias(commands, c -> c.addSubcommand(new ListCommand(out, err)), "list", "ls");
    commands.put("get", c -> c.addSubcommand(new GetCommand(out, err)));
    commands.put("watch", c -> c.addSubcommand(new WatchCommand(out, err)));
    commands.put("wait", c -> c.addSubcommand(new WaitCommand(out, err)));
    commands.put("logs", c -> c.addSubcommand(new LogsCommand(out, err)));
    alias(commands, c -> c.addSubcommand(new DeleteCommand(out, err)), "delete", "rm");
    commands.put("suspend", c -> c.addSubcommand(new ControlCommand.Suspend(out, err)));
    commands.put("resume", c -> c.addSubcommand(new ControlCommand.Resume(out, err)));
    commands.put("stop", c -> c.addSubcommand(new ControlCommand.Stop(out, err)));
    commands.put("terminate", c -> c.addSubcommand(new ControlCommand.Terminate(out, err)));
    commands.put("retry", c -> c.addSubcommand(new RetryCommand(out, err)));
    commands.put("resubmit", c -> c.addSubcommand(new ResubmitCommand(out, err)));
    commands.put("event", c -> EventCommands.register(c, out, err));
    commands.put("verify", c -> c.addSubcommand(new VerifyCommand(out, err)));
    alias(
        commands,
        c -> ResourceCommands.register(c, out, err),
        "template",
        "cluster-template",
        "cwftmpl",
        "cron",
        "event-binding",
        "wfeb");
    return commands;
  }

  private static void alias(
      Map<String, Consumer<CommandLine>> commands, Consumer<CommandLine> add, String... names) {
    for (String name : List.of(names)) commands.put(name, add);
  }
}
