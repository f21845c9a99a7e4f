package dev.weft.cli;

import dev.weft.cli.client.ApiClient;
import dev.weft.cli.client.WorkflowWatch;
import java.io.PrintStream;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
    name = "wait",
    description = "Wait until workflows on the weft server complete; exit 0 only if all succeeded.",
    mixinStandardHelpOptions = true)
final class WaitCommand extends ClientCommand {
  @Parameters(arity = "1..*", paramLabel = "WORKFLOW", description = "Workflow names.")
  List<String> names;

  WaitCommand(PrintStream out, PrintStream err) {
    super(out, err);
  }

  @Override
  int run(ApiClient api) {
    boolean ok = true;
    for (String name : names) ok &= WorkflowWatch.await(api, namespace(), name, false, out);
    return ok ? 0 : Main.EXIT_WORKFLOW_FAILED;
  }
}
