package dev.weft.cli;

import dev.weft.cli.client.ApiClient;
import dev.weft.cli.client.WorkflowLogs;
import java.io.PrintStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "logs",
    description = "Print the logs of a workflow's pods, each line as POD: LINE.",
    mixinStandardHelpOptions = true)
final class LogsCommand extends ClientCommand {
  @Parameters(index = "0", paramLabel = "WORKFLOW", description = "The workflow's name.")
  String name;

  @Parameters(index = "1", arity = "0..1", paramLabel = "POD", description = "Only this pod.")
  String pod;

  @Option(
      names = {"-c", "--container"},
      defaultValue = "main",
      description = "The container (default: ${DEFAULT-VALUE}).")
  String container;

  @Option(
      names = {"-f", "--follow"},
      description = "Keep printing new lines until the workflow completes.")
  boolean follow;

  LogsCommand(PrintStream out, PrintStream err) {
    super(out, err);
  }

  @Override
  int run(ApiClient api) {
    new WorkflowLogs(api, namespace(), name).print(out, pod, container, follow);
    return 0;
  }
}
