package dev.weft.cli;

import dev.weft.cli.client.ApiClient;
import dev.weft.cli.client.WorkflowWatch;
import dev.weft.model.Workflow;
import dev.weft.model.status.WorkflowPhase;
import java.io.PrintStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
    name = "watch",
    description =
        "Watch a workflow on the weft server until it completes; exit 1 unless it succeeded.",
    mixinStandardHelpOptions = true)
final class WatchCommand extends ClientCommand {
  @Parameters(index = "0", paramLabel = "WORKFLOW", description = "The workflow's name.")
  String name;

  WatchCommand(PrintStream out, PrintStream err) {
    super(out, err);
  }

  @Override
  int run(ApiClient api) {
    Workflow done = WorkflowWatch.watch(api, namespace(), name, out, false);
    return done.status().phase() == WorkflowPhase.SUCCEEDED ? 0 : Main.EXIT_WORKFLOW_FAILED;
  }
}
