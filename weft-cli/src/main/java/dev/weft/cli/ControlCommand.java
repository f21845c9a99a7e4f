package dev.weft.cli;

import dev.weft.cli.control.ControlRequests;
import dev.weft.cli.control.ControlSocket;
import dev.weft.controller.DataDir;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** resume, stop and terminate: requests to the `weft run` that runs the workflow. */
abstract class ControlCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "WORKFLOW", description = "The workflow's name.")
  String workflow;

  private final PrintStream out;
  private final PrintStream err;

  ControlCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  abstract String request();

  @Override
  public Integer call() {
    try {
      String answer =
          ControlSocket.send(ControlSocket.pathFor(DataDir.resolve(), workflow), request());
      (answer.startsWith("ok") ? out : err)
          .println(answer.startsWith("ok: ") ? answer.substring(4) : answer);
      return answer.startsWith("ok") ? 0 : Main.EXIT_BAD_INPUT;
    } catch (IOException e) {
      err.println("weft: " + e.getMessage());
      return Main.EXIT_BAD_INPUT;
    }
  }

  @Command(
      name = "resume",
      mixinStandardHelpOptions = true,
      description = "Resume a suspended workflow, or its suspended nodes.")
  static final class Resume extends ControlCommand {
    @Option(
        names = "--node",
        description = "Only the suspended node with this name or display name.")
    String node;

    @Option(
        names = {"-p", "--output-parameter"},
        paramLabel = "NAME=VALUE",
        description = "Supply an output parameter of the suspended node.")
    List<String> outputs = new ArrayList<>();

    Resume(PrintStream out, PrintStream err) {
      super(out, err);
    }

    @Override
    String request() {
      Map<String, String> params = new LinkedHashMap<>();
      for (String kv : outputs) {
        int eq = kv.indexOf('=');
        if (eq > 0) params.put(kv.substring(0, eq), kv.substring(eq + 1));
      }
      return ControlRequests.resume(node, params);
    }
  }

  @Command(
      name = "stop",
      mixinStandardHelpOptions = true,
      description = "Stop a workflow: running steps are stopped, exit handlers run.")
  static final class Stop extends ControlCommand {
    Stop(PrintStream out, PrintStream err) {
      super(out, err);
    }

    @Override
    String request() {
      return "stop";
    }
  }

  @Command(
      name = "terminate",
      mixinStandardHelpOptions = true,
      description = "Terminate a workflow: running steps are stopped, exit handlers do not run.")
  static final class Terminate extends ControlCommand {
    Terminate(PrintStream out, PrintStream err) {
      super(out, err);
    }

    @Override
    String request() {
      return "terminate";
    }
  }
}
